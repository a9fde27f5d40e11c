/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-ical-import-private.h"

/* What an import of a partner's agenda did, or would do in a dry run:
 * counts, and every warning with the entry it concerns. */
struct _EscaleIcalImportReport
{
  GObject    parent_instance;

  char      *calendar_name;
  gboolean   dry_run;
  guint      added;
  guint      updated;
  guint      removed;
  guint      unchanged;
  GPtrArray *warnings;
};

G_DEFINE_FINAL_TYPE (EscaleIcalImportReport, escale_ical_import_report, G_TYPE_OBJECT)

GType
escale_ical_import_warning_get_type (void)
{
  static gsize type = 0;

  /* By hand: G_DEFINE_BOXED_TYPE trips -Wpedantic with this compiler. */
  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string ("EscaleIcalImportWarning"),
                                                            (GBoxedCopyFunc) escale_ical_import_warning_copy,
                                                            (GBoxedFreeFunc) escale_ical_import_warning_free));
  return type;
}

EscaleIcalImportWarning *
escale_ical_import_warning_copy (const EscaleIcalImportWarning *warning)
{
  EscaleIcalImportWarning *copy = g_new0 (EscaleIcalImportWarning, 1);

  copy->uid = g_strdup (warning->uid);
  copy->summary = g_strdup (warning->summary);
  copy->line = warning->line;
  copy->message = g_strdup (warning->message);
  return copy;
}

void
escale_ical_import_warning_free (EscaleIcalImportWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->uid);
  g_free (warning->summary);
  g_free (warning->message);
  g_free (warning);
}

/**
 * escale_ical_import_warning_describe:
 *
 * Returns: (transfer full): the warning with where it stands in the file,
 *   "line 12, “Comité”, a1b2@cje.example: the time zone … is unknown", as
 *   the command line and the report dialog show it
 */
char *
escale_ical_import_warning_describe (const EscaleIcalImportWarning *warning)
{
  g_autoptr(GString) where = g_string_new (NULL);

  g_return_val_if_fail (warning != NULL, NULL);

  if (warning->line > 0)
    g_string_append_printf (where, _("line %u"), warning->line);
  if (warning->summary != NULL)
    g_string_append_printf (where, "%s“%s”", where->len > 0 ? ", " : "", warning->summary);
  if (warning->uid != NULL)
    g_string_append_printf (where, "%s%s", where->len > 0 ? ", " : "", warning->uid);
  if (where->len == 0)
    return g_strdup (warning->message);

  /* Translators: where in the file, then what is wrong */
  return g_strdup_printf (_("%s: %s"), where->str, warning->message);
}

static void
escale_ical_import_report_finalize (GObject *object)
{
  EscaleIcalImportReport *self = (EscaleIcalImportReport *) object;

  g_clear_pointer (&self->calendar_name, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (escale_ical_import_report_parent_class)->finalize (object);
}

static void
escale_ical_import_report_class_init (EscaleIcalImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_ical_import_report_finalize;
}

static void
escale_ical_import_report_init (EscaleIcalImportReport *self)
{
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_ical_import_warning_free);
}

EscaleIcalImportReport *
_escale_ical_import_report_new (gboolean dry_run)
{
  EscaleIcalImportReport *self = g_object_new (ESCALE_TYPE_ICAL_IMPORT_REPORT, NULL);

  self->dry_run = dry_run;
  return self;
}

void
_escale_ical_import_report_warn (EscaleIcalImportReport *self,
                                 const char             *uid,
                                 const char             *summary,
                                 guint                   line,
                                 const char             *format,
                                 ...)
{
  EscaleIcalImportWarning *warning = g_new0 (EscaleIcalImportWarning, 1);
  va_list args;

  warning->uid = g_strdup (uid);
  warning->summary = g_strdup (summary);
  warning->line = line;
  va_start (args, format);
  warning->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->warnings, warning);
}

void
_escale_ical_import_report_set_counts (EscaleIcalImportReport *self,
                                       const char             *calendar_name,
                                       guint                   added,
                                       guint                   updated,
                                       guint                   removed,
                                       guint                   unchanged)
{
  g_free (self->calendar_name);
  self->calendar_name = g_strdup (calendar_name);
  self->added = added;
  self->updated = updated;
  self->removed = removed;
  self->unchanged = unchanged;
}

/**
 * escale_ical_import_report_get_calendar_name:
 *
 * Returns: the name the agenda was stored under
 */
const char *
escale_ical_import_report_get_calendar_name (EscaleIcalImportReport *self)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT_REPORT (self), NULL);
  return self->calendar_name;
}

/**
 * escale_ical_import_report_get_dry_run:
 *
 * Returns: %TRUE when nothing was saved: the counts say what would change
 */
gboolean
escale_ical_import_report_get_dry_run (EscaleIcalImportReport *self)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT_REPORT (self), FALSE);
  return self->dry_run;
}

guint
escale_ical_import_report_get_added (EscaleIcalImportReport *self)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT_REPORT (self), 0);
  return self->added;
}

guint
escale_ical_import_report_get_updated (EscaleIcalImportReport *self)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT_REPORT (self), 0);
  return self->updated;
}

guint
escale_ical_import_report_get_removed (EscaleIcalImportReport *self)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT_REPORT (self), 0);
  return self->removed;
}

guint
escale_ical_import_report_get_unchanged (EscaleIcalImportReport *self)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT_REPORT (self), 0);
  return self->unchanged;
}

/**
 * escale_ical_import_report_get_warnings:
 *
 * Returns: (transfer none) (element-type EscaleIcalImportWarning): the
 *   warnings, in the order of the file
 */
GPtrArray *
escale_ical_import_report_get_warnings (EscaleIcalImportReport *self)
{
  g_return_val_if_fail (ESCALE_IS_ICAL_IMPORT_REPORT (self), NULL);
  return self->warnings;
}
