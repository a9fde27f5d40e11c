/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "escale-calendar-date.h"
#include "escale-event-print.h"

/* The print dialog over the documents escale-cli writes as PDF: the same
 * renderer draws each page on the printer's surface, in points from the
 * paper's corner, and keeps its own margins. “Print to File” in the dialog
 * gives the PDF. */

typedef struct
{
  EscaleEventDocument     document;
  EscaleEventDocumentData data;
  char                   *today;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  escale_event_document_data_clear (&job->data);
  g_free (job->today);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if (!escale_event_document_render (job->document, &job->data, NULL, gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context), &n_pages, -1, &error))
    {
      g_warning ("Could not lay out the document: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  g_autoptr(GError) error = NULL;

  if (!escale_event_document_render (job->document, &job->data, gtk_print_context_get_cairo_context (context),
                                     gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                                     NULL, page, &error))
    g_warning ("Could not draw page %d: %s", page + 1, error->message);
}

/**
 * escale_event_print:
 * @event: a stored event, loaded with its parts
 *
 * Opens the print dialog for one of the event's documents, on US Letter
 * unless the counsellor picks another paper.
 *
 * Returns: whether the dialog could be shown; otherwise @error says why
 */
gboolean
escale_event_print (GtkWindow            *parent,
                    EscaleContext        *context,
                    EscaleEvent          *event,
                    EscaleEventDocument   document,
                    GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *job_name = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_val_if_fail (ESCALE_IS_EVENT (event), FALSE);

  job->document = document;
  if (!escale_event_document_data_gather (&job->data, event, escale_context_get_registrations (context),
                                          escale_context_get_participants (context),
                                          escale_context_get_partners (context), error))
    {
      print_job_free (job);
      return FALSE;
    }
  job->today = escale_calendar_date_today ();
  job->data.today = job->today;

  /* Translators: a document such as “Bus manifest”, then an event's title */
  job_name = g_strdup_printf (_("%s — %s"), escale_event_document_get_title (document), escale_event_get_title (event));

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, letter);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_object_set_data_full (G_OBJECT (operation), "job", job, (GDestroyNotify) print_job_free);

  gtk_print_operation_set_allow_async (operation, TRUE);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
