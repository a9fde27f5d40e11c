/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-reports"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "escale-calendar-date.h"
#include "escale-event-documents-private.h"
#include "escale-event-json.h"
#include "escale-registration.h"

/* The printed documents of an event, drawn by the core so that the CLI's
 * PDF and the window's print dialog give the same pages: what they share
 * (dates and times in the event's zone and the user's language, the title
 * block), the pages and the PDF. The documents themselves are in
 * escale-event-programme.c and escale-event-rosters.c. */

G_DEFINE_QUARK (escale-event-document-error-quark, escale_event_document_error)

static const struct
{
  const char *nick;
  const char *title;
} documents[] = {
  [ESCALE_EVENT_DOCUMENT_SHEET] = { "sheet", N_("Information sheet") },
  [ESCALE_EVENT_DOCUMENT_MANIFEST] = { "manifest", N_("Bus manifest") },
  [ESCALE_EVENT_DOCUMENT_ATTENDANCE] = { "attendance", N_("Attendance sheet") },
  [ESCALE_EVENT_DOCUMENT_PARTNERS] = { "partners", N_("Partner confirmations") },
};

/* Dates and times */

char *
_escale_event_document_format_day (EscaleEvent *event,
                                   gint64       instant)
{
  /* Translators: a day in full on a printed page, see g_date_time_format(); in French "%A %-d %B %Y" */
  return escale_event_format_time (event, instant, _("%A, %B %-d, %Y"));
}

char *
_escale_event_document_format_short_day (EscaleEvent *event,
                                         gint64       instant)
{
  /* Translators: a day in a table of a printed page, see g_date_time_format(); in French "%a %-d %b" */
  return escale_event_format_time (event, instant, _("%a, %b %-d"));
}

char *
_escale_event_document_format_time (EscaleEvent *event,
                                    gint64       instant)
{
  /* Translators: a time of day on a printed page, see g_date_time_format(); in French "%k h %M" */
  return escale_event_format_time (event, instant, _("%H:%M"));
}

/* "06:30–07:00", or "06:30" for a stop without an end. */
char *
_escale_event_document_format_times (EscaleEvent *event,
                                     gint64       starts_at,
                                     gint64       ends_at)
{
  g_autofree char *start = _escale_event_document_format_time (event, starts_at);
  g_autofree char *end = NULL;

  if (ends_at <= starts_at)
    return g_steal_pointer (&start);

  end = _escale_event_document_format_time (event, ends_at);
  return g_strdup_printf ("%s–%s", start, end);
}

/* "Thursday, December 3, 2026 at 06:30" */
char *
_escale_event_document_format_moment (EscaleEvent *event,
                                      gint64       instant)
{
  g_autofree char *day = _escale_event_document_format_day (event, instant);
  g_autofree char *time = _escale_event_document_format_time (event, instant);

  /* Translators: a day, then a time */
  return g_strdup_printf (_("%s at %s"), day, time);
}

static gboolean
same_day (EscaleEvent *event,
          gint64       one,
          gint64       other)
{
  g_autofree char *first = escale_event_format_time (event, one, "%F");
  g_autofree char *second = escale_event_format_time (event, other, "%F");

  return g_str_equal (first, second);
}

static char *
format_span (EscaleEvent *event)
{
  gint64 starts_at = escale_event_get_starts_at (event);
  gint64 ends_at = escale_event_get_ends_at (event);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (starts_at == 0)
    return g_strdup (_("Date to be confirmed"));
  if (ends_at <= starts_at)
    return _escale_event_document_format_moment (event, starts_at);

  if (same_day (event, starts_at, ends_at))
    {
      g_autofree char *day = _escale_event_document_format_day (event, starts_at);
      g_autofree char *times = _escale_event_document_format_times (event, starts_at, ends_at);

      /* Translators: a day, then the times it starts and ends */
      return g_strdup_printf (C_("day and times", "%s, %s"), day, times);
    }

  start = _escale_event_document_format_moment (event, starts_at);
  end = _escale_event_document_format_moment (event, ends_at);
  /* Translators: when an event of several days starts and ends */
  return g_strdup_printf (_("%s – %s"), start, end);
}

/* A calendar day written "YYYY-MM-DD", in words; as it is otherwise. */
char *
_escale_event_document_format_iso_date (const char *iso)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (!escale_calendar_date_parse (iso, &date))
    return g_strdup (iso);

  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  /* Translators: a day on a printed page, see g_date_time_format(); in French "%-d %B %Y" */
  return g_date_time_format (time, _("%B %-d, %Y"));
}

/* Lookups */

const char *
_escale_event_document_lookup (GHashTable *table,
                               gint64      id)
{
  return table != NULL && id != 0 ? g_hash_table_lookup (table, &id) : NULL;
}

char *
_escale_event_document_dup_partner_name (const EscaleEventDocumentData *data,
                                         gint64                         organization_id)
{
  const char *name = _escale_event_document_lookup (data->partner_names, organization_id);

  if (name != NULL)
    return g_strdup (name);
  /* Translators: a partner whose name is not at hand, then its ID */
  return g_strdup_printf (_("Partner no. %lld"), (long long) organization_id);
}

/* Those who hold seats, in the list's order: by name. */
GPtrArray *
_escale_event_document_dup_holders (const EscaleEventDocumentData *data)
{
  GPtrArray *holders = g_ptr_array_new ();

  for (guint i = 0; data->registrations != NULL && i < data->registrations->len; i++)
    {
      EscaleRegistration *registration = g_ptr_array_index (data->registrations, i);

      if (escale_registration_holds_seats (registration))
        g_ptr_array_add (holders, registration);
    }

  return holders;
}

static guint
count_seats (GPtrArray *registrations,
             guint      first,
             guint      last)
{
  guint seats = 0;

  for (guint i = first; i < last; i++)
    seats += (guint) escale_registration_get_seats (g_ptr_array_index (registrations, i));
  return seats;
}

/* "3 people, 5 seats": the registrations from @first to before @last. */
char *
_escale_event_document_describe_holders (GPtrArray *holders,
                                         guint      first,
                                         guint      last)
{
  guint n_people = last - first;
  guint n_seats = count_seats (holders, first, last);
  g_autofree char *people = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
  g_autofree char *seats = g_strdup_printf (ngettext ("%u seat", "%u seats", n_seats), n_seats);

  /* Translators: how many people, then how many seats they take */
  return g_strdup_printf (C_("people and seats", "%s, %s"), people, seats);
}

/* What every document starts with: what it is, the event, when. */
void
_escale_event_document_add_title (EscalePageFlow *flow,
                                  EscaleEvent    *event,
                                  const char     *kicker)
{
  g_autofree char *span = format_span (event);

  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_KICKER, kicker);
  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_TITLE, escale_event_get_title (event));
  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_SUBTITLE, span);
  if (escale_event_get_status (event) == ESCALE_EVENT_STATUS_CANCELLED)
    escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_HEADING, _("This event is cancelled."));
  escale_page_flow_add_space (flow, 10);
}

/* Said when the event is not in Québec's usual zone: a group that leaves
 * Montréal for the Îles-de-la-Madeleine changes its watches. */
void
_escale_event_document_add_zone_note (EscalePageFlow *flow,
                                      EscaleEvent    *event)
{
  g_autofree char *offset = NULL;
  g_autofree char *note = NULL;

  if (g_strcmp0 (escale_event_get_tzid (event), ESCALE_DEFAULT_TZID) == 0)
    return;

  offset = escale_event_format_time (event, escale_event_get_starts_at (event), "%:z");
  /* Translators: the event's time zone, such as “America/Halifax”, then its offset such as “-03:00” */
  note = g_strdup_printf (_("Times are local times of the event’s time zone: %s (UTC%s)."),
                          escale_event_get_tzid (event), offset);
  escale_page_flow_add_text (flow, ESCALE_PAGE_STYLE_NOTE, note);
}

/* Rendering */

static guint
lay_out (EscaleEventDocument            document,
         const EscaleEventDocumentData *data,
         const char                    *today,
         cairo_t                       *cr,
         double                         page_width,
         double                         page_height,
         int                            page,
         guint                          n_pages,
         GPtrArray                     *texts)
{
  g_autofree char *printed_on = NULL;
  g_autofree char *day = _escale_event_document_format_iso_date (today);
  g_autoptr(EscalePageFlow) flow = NULL;
  EscalePageSetup setup = {
    .width = page_width,
    .height = page_height,
    .header_start = escale_event_get_title (data->event),
    .header_end = _(documents[document].title),
  };

  /* Translators: the footer of a printed page: the day it was printed */
  printed_on = g_strdup_printf (_("Printed on %s"), day);
  setup.footer_start = printed_on;
  flow = escale_page_flow_new (&setup, cr, page, n_pages, texts);

  switch (document)
    {
    case ESCALE_EVENT_DOCUMENT_SHEET:
      _escale_event_document_add_sheet (flow, data);
      break;
    case ESCALE_EVENT_DOCUMENT_MANIFEST:
      _escale_event_document_add_manifest (flow, data);
      break;
    case ESCALE_EVENT_DOCUMENT_ATTENDANCE:
      _escale_event_document_add_attendance (flow, data);
      break;
    case ESCALE_EVENT_DOCUMENT_PARTNERS:
      _escale_event_document_add_partners (flow, data, today);
      break;
    default:
      g_assert_not_reached ();
    }

  return escale_page_flow_finish (flow);
}

gboolean
_escale_event_document_render_texts (EscaleEventDocument            document,
                                     const EscaleEventDocumentData *data,
                                     cairo_t                       *cr,
                                     double                         page_width,
                                     double                         page_height,
                                     guint                         *n_pages,
                                     int                            page,
                                     GPtrArray                    **texts,
                                     GError                       **error)
{
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) laid_out = NULL;
  guint counted;

  g_return_val_if_fail (document <= ESCALE_EVENT_DOCUMENT_PARTNERS, FALSE);
  g_return_val_if_fail (data != NULL && ESCALE_IS_EVENT (data->event), FALSE);
  g_return_val_if_fail (page_width >= 300 && page_height >= 300, FALSE);
  g_return_val_if_fail (page >= -1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  today = data->today != NULL ? g_strdup (data->today) : escale_calendar_date_today ();

  /* Once to count the pages, which every footer gives, then to draw. */
  counted = lay_out (document, data, today, NULL, page_width, page_height, -1, 0, NULL);
  if (n_pages != NULL)
    *n_pages = counted;
  if (page >= (int) counted)
    {
      g_set_error (error, ESCALE_EVENT_DOCUMENT_ERROR, ESCALE_EVENT_DOCUMENT_ERROR_NO_SUCH_PAGE,
                   /* Translators: a page number, then how many pages the document has */
                   ngettext ("There is no page %d: the document has %u page",
                             "There is no page %d: the document has %u pages", counted),
                   page + 1, counted);
      return FALSE;
    }
  if (cr == NULL)
    return TRUE;

  if (texts != NULL)
    laid_out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  cairo_save (cr);
  lay_out (document, data, today, cr, page_width, page_height, page, counted, laid_out);
  cairo_restore (cr);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ESCALE_EVENT_DOCUMENT_ERROR, ESCALE_EVENT_DOCUMENT_ERROR_DRAWING,
                   /* Translators: cairo's reason, in English */
                   _("Could not draw the document: %s"), cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }

  if (texts != NULL)
    *texts = g_steal_pointer (&laid_out);
  return TRUE;
}

/**
 * escale_event_document_render:
 * @cr: (nullable): where to draw, its user units in points, its origin
 *   the paper's corner (a GtkPrintContext's, with GTK_UNIT_POINTS and the
 *   full page: the documents keep their own margins); %NULL only counts
 *   the pages
 * @page_width: the page's width, in points
 * @page_height: its height
 * @n_pages: (out) (optional): how many pages the document has
 * @page: the page to draw, from 0, or -1 to draw every page, each followed
 *   by cairo_show_page()
 *
 * Draws @document in the event's local times and the user's language,
 * with the event's title in the header of each page and "Page n of N" in
 * the footer; a table that goes on to another page repeats its header.
 * The print dialog draws one page at a time, a PDF every page.
 *
 * Returns: whether the page could be drawn
 */
gboolean
escale_event_document_render (EscaleEventDocument            document,
                              const EscaleEventDocumentData *data,
                              cairo_t                       *cr,
                              double                         page_width,
                              double                         page_height,
                              guint                         *n_pages,
                              int                            page,
                              GError                       **error)
{
  return _escale_event_document_render_texts (document, data, cr, page_width, page_height, n_pages, page, NULL, error);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * escale_event_document_write_pdf:
 * @path: the PDF to write, in the filename encoding
 *
 * Writes @document as a PDF on US Letter paper, readable by its owner
 * only (a manifest holds phone numbers). The file is built in memory,
 * written beside @path and renamed over it: a failure leaves neither a
 * half-written PDF nor a damaged earlier one.
 */
gboolean
escale_event_document_write_pdf (EscaleEventDocument            document,
                                 const EscaleEventDocumentData *data,
                                 const char                    *path,
                                 GError                       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean drawn;

  g_return_val_if_fail (document <= ESCALE_EVENT_DOCUMENT_PARTNERS, FALSE);
  g_return_val_if_fail (data != NULL && ESCALE_IS_EVENT (data->event), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, ESCALE_EVENT_DOCUMENT_PAGE_WIDTH,
                                                 ESCALE_EVENT_DOCUMENT_PAGE_HEIGHT);
  /* Translators: a PDF's title: the document, then the event */
  title = g_strdup_printf (_("%s: %s"), _(documents[document].title), escale_event_get_title (data->event));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Escale");

  cr = cairo_create (surface);
  drawn = escale_event_document_render (document, data, cr, ESCALE_EVENT_DOCUMENT_PAGE_WIDTH,
                                        ESCALE_EVENT_DOCUMENT_PAGE_HEIGHT, NULL, -1, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!drawn)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ESCALE_EVENT_DOCUMENT_ERROR, ESCALE_EVENT_DOCUMENT_ERROR_DRAWING,
                   /* Translators: cairo's reason, in English */
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents_full (path, (const char *) bytes->data, bytes->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

/**
 * escale_event_document_get_nick:
 *
 * Returns: what the CLI calls @document: "sheet", "manifest",
 *   "attendance" or "partners"
 */
const char *
escale_event_document_get_nick (EscaleEventDocument document)
{
  g_return_val_if_fail (document <= ESCALE_EVENT_DOCUMENT_PARTNERS, NULL);
  return documents[document].nick;
}

/**
 * escale_event_document_from_nick:
 * @document: (out): the document called @nick
 *
 * Returns: whether @nick names a document
 */
gboolean
escale_event_document_from_nick (const char          *nick,
                                 EscaleEventDocument *document)
{
  g_return_val_if_fail (document != NULL, FALSE);

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (documents); i++)
    {
      if (g_str_equal (nick, documents[i].nick))
        {
          *document = (EscaleEventDocument) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * escale_event_document_get_title:
 *
 * Returns: the name of @document in the user's language, such as
 *   “Bus manifest”: for a print job or a message
 */
const char *
escale_event_document_get_title (EscaleEventDocument document)
{
  g_return_val_if_fail (document <= ESCALE_EVENT_DOCUMENT_PARTNERS, NULL);
  return _(documents[document].title);
}

