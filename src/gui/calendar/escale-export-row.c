/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-export-dialog.h"
#include "escale-export-row.h"

/* "Export Calendar…", a row in a participant's or a partner's file that
 * opens the export dialog on that calendar. */

typedef struct
{
  EscaleContext       *context;
  EscaleIcalSelection  selection;
  char                *what;
  char                *file_name;
} ExportTarget;

static void
export_target_free (ExportTarget *target)
{
  g_clear_object (&target->context);
  g_free (target->what);
  g_free (target->file_name);
  g_free (target);
}

static void
on_exported (EscaleExportDialog *dialog,
             const char         *message,
             GtkWidget          *row)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (row, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
on_activated (AdwActionRow *row)
{
  ExportTarget *target = g_object_get_data (G_OBJECT (row), "export-target");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  EscaleExportDialog *dialog;

  dialog = escale_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, target->context,
                                     &target->selection, target->what, target->file_name);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), row, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * escale_export_row_new:
 * @what: the calendar in words, for the dialog
 * @file_name: the file name to propose
 */
GtkWidget *
escale_export_row_new (EscaleContext             *context,
                       const EscaleIcalSelection *selection,
                       const char                *what,
                       const char                *file_name)
{
  GtkWidget *row = adw_action_row_new ();
  ExportTarget *target = g_new0 (ExportTarget, 1);

  g_return_val_if_fail (ESCALE_IS_CONTEXT (context), NULL);

  target->context = g_object_ref (context);
  target->selection = *selection;
  target->what = g_strdup (what);
  target->file_name = g_strdup (file_name);
  g_object_set_data_full (G_OBJECT (row), "export-target", target, (GDestroyNotify) export_target_free);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("E_xport Calendar…"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("An iCalendar file, to send or to open in a calendar application"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_activated), NULL);

  return row;
}
