/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "escale-ical-file.h"
#include "escale-ical-private.h"

/* A chosen calendar, written to a stream or to a file that is replaced
 * whole: the command line's exports and the subscription feeds share it. */

/**
 * escale_ical_selection_write:
 * @stream: where the calendar is written; left open
 *
 * Writes the calendar @selection names, with the method and attendees
 * set on @sources' export.
 *
 * Returns: %FALSE with @error when what is selected does not exist or
 *   writing fails
 */
gboolean
escale_ical_selection_write (const EscaleIcalSelection  *selection,
                             const EscaleIcalSources    *sources,
                             GOutputStream              *stream,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  g_return_val_if_fail (selection != NULL && sources != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_ICAL_EXPORT (sources->export), FALSE);

  switch (selection->scope)
    {
    case ESCALE_ICAL_SCOPE_EVENT:
      return escale_ical_export_event (sources->export, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_VISIT:
      return escale_ical_export_visit (sources->export, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_SERIES:
      return escale_ical_export_series (sources->export, sources->series, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_PARTICIPANT:
      return escale_ical_export_participant (sources->export, sources->registrations, selection->id, stream,
                                             cancellable, error);
    case ESCALE_ICAL_SCOPE_PARTNER:
      return escale_ical_export_partner (sources->export, selection->id, stream, cancellable, error);
    case ESCALE_ICAL_SCOPE_RANGE:
      return escale_ical_export_range (sources->export, selection->from, selection->to, stream, cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
fail_with_errno (const char  *path,
                 int          saved,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Cannot write “%s”: %s"), display, g_strerror (saved));
  return FALSE;
}

/* Writes to a hidden file next to @path, then renames it over @path: a
 * calendar application or a web server reading the file never sees half a
 * calendar, and a failed or cancelled export leaves the previous file as
 * it was. */
gboolean
_escale_ical_write_file (const char        *path,
                         EscaleIcalWriter   writer,
                         gconstpointer      data,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *hidden = g_strconcat (".", name, ".XXXXXX", NULL);
  g_autofree char *temporary = g_build_filename (folder, hidden, NULL);
  g_autoptr(GOutputStream) file = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  gboolean written;
  int fd;

  fd = g_mkstemp_full (temporary, O_WRONLY, 0644);
  if (fd < 0)
    return fail_with_errno (path, errno, error);

  file = g_unix_output_stream_new (fd, TRUE);
  stream = g_buffered_output_stream_new_sized (file, 64 * 1024);
  written = writer (data, stream, cancellable, error) &&
            g_output_stream_close (stream, cancellable, error);
  if (written && g_rename (temporary, path) != 0)
    written = fail_with_errno (path, errno, error);
  if (!written)
    g_unlink (temporary);

  return written;
}

typedef struct
{
  const EscaleIcalSelection *selection;
  const EscaleIcalSources   *sources;
} SelectionWriter;

static gboolean
write_selection (gconstpointer   data,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  const SelectionWriter *writer = data;

  return escale_ical_selection_write (writer->selection, writer->sources, stream, cancellable, error);
}

/**
 * escale_ical_selection_write_file:
 * @path: the calendar file, created or replaced
 *
 * Writes the calendar to @path, replacing it whole or not at all: a
 * calendar application or a web server reading the file never sees half a
 * calendar, and a failed or cancelled export leaves the previous file as
 * it was.
 *
 * Returns: %FALSE with @error, @path untouched, when writing fails
 */
gboolean
escale_ical_selection_write_file (const EscaleIcalSelection  *selection,
                                  const EscaleIcalSources    *sources,
                                  const char                 *path,
                                  GCancellable               *cancellable,
                                  GError                    **error)
{
  SelectionWriter writer = { selection, sources };

  g_return_val_if_fail (path != NULL, FALSE);

  return _escale_ical_write_file (path, write_selection, &writer, cancellable, error);
}
