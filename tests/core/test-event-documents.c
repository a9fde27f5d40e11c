/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "escale-event-documents-private.h"
#include "escale-event-private.h"
#include "test-folder.h"

/* The printed documents of an event, read as a counsellor reads them
 * before handing them out: the times are the visit's local times, the
 * manifest says no more about people than the day needs, a long list goes
 * on over pages with its header and the page count, and a PDF that cannot
 * be written leaves nothing behind. Each document is drawn on a cairo
 * recording surface and its laid-out text is read back, page by page. */

#define TODAY "2026-12-01"

/* Two days on the Îles-de-la-Madeleine, an hour ahead of Montréal. */
#define HALIFAX "America/Halifax"

#define FONDERIE_ID 7
#define CENTRE_ID   8
#define UNNAMED_ID  99
#define CHAMBRE_ID  12

static gint64
halifax_time (int month,
              int day,
              int hour,
              int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (HALIFAX);
  g_autoptr(GDateTime) time = g_date_time_new (zone, 2026, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static EscaleItineraryStop *
add_stop (EscaleEvent    *event,
          EscaleStopKind  kind,
          const char     *title,
          gint64          starts_at,
          gint64          ends_at,
          const char     *place)
{
  g_autoptr(EscaleItineraryStop) stop = escale_itinerary_stop_new (kind, title, starts_at, ends_at);

  escale_itinerary_stop_set_place_name (stop, place);
  escale_event_add_stop (event, stop);
  return stop;
}

static EscaleEvent *
new_visit (void)
{
  EscaleEvent *visit = escale_event_new (ESCALE_EVENT_KIND_EXPLORATORY_VISIT);
  g_autoptr(EscaleVehicle) plane_shuttle = escale_vehicle_new (ESCALE_VEHICLE_KIND_MINIBUS, 3);
  g_autoptr(EscaleVehicle) coach = escale_vehicle_new (ESCALE_VEHICLE_KIND_BUS, 20);
  g_autoptr(EscaleLogisticsTask) booked = escale_logistics_task_new ("Réserver le minibus", "2026-11-01");
  g_autoptr(EscaleLogisticsTask) late = escale_logistics_task_new ("Confirmer le souper", "2026-11-25");
  g_autoptr(EscaleLogisticsTask) later = escale_logistics_task_new ("Imprimer les listes", "2026-12-10");
  const gint64 partners[] = { CHAMBRE_ID, FONDERIE_ID };
  EscaleItineraryStop *stop;

  escale_event_set_text (visit, "title", "Une fin de semaine aux Îles");
  escale_event_set_text (visit, "tzid", HALIFAX);
  escale_event_set_text (visit, "organizer", "Geneviève Arsenault, 418 555-0100");
  escale_event_set_text (visit, "description", "Deux jours pour découvrir les Îles, leurs emplois et leurs services.");
  escale_event_set_text (visit, "materials", "- Bottes chaudes\n- Carte d’assurance maladie\n\n• Curriculum vitæ");
  escale_event_set_text (visit, "internal-notes", "Budget serré : ne pas imprimer");
  escale_event_set_status (visit, ESCALE_EVENT_STATUS_PUBLISHED);
  escale_event_set_times (visit, halifax_time (12, 18, 7, 0), halifax_time (12, 19, 17, 30));
  escale_event_set_partner_ids (visit, partners, G_N_ELEMENTS (partners));

  stop = add_stop (visit, ESCALE_STOP_KIND_DEPARTURE, "Rendez-vous à l’aéroport", halifax_time (12, 18, 7, 0),
                   halifax_time (12, 18, 7, 45), "Aéroport Montréal-Trudeau");
  escale_itinerary_stop_set_address (stop, "975, boulevard Roméo-Vachon Nord");
  stop = add_stop (visit, ESCALE_STOP_KIND_COMPANY_VISIT, "Visite de la fonderie", halifax_time (12, 18, 10, 45),
                   halifax_time (12, 18, 12, 0), "Fonderie du Havre");
  escale_itinerary_stop_set_organization_id (stop, FONDERIE_ID);
  escale_itinerary_stop_set_partner_confirmed (stop, TRUE);
  escale_itinerary_stop_set_notes (stop, "Note interne : le directeur hésite");
  stop = add_stop (visit, ESCALE_STOP_KIND_EMPLOYER_MEETING, "Rencontre au centre de santé",
                   halifax_time (12, 18, 14, 0), halifax_time (12, 18, 15, 30), "Centre de santé");
  escale_itinerary_stop_set_organization_id (stop, CENTRE_ID);
  stop = add_stop (visit, ESCALE_STOP_KIND_MEAL, "Souper communautaire", halifax_time (12, 18, 18, 30),
                   halifax_time (12, 18, 20, 0), "Salle communautaire");
  escale_itinerary_stop_set_organization_id (stop, UNNAMED_ID);
  add_stop (visit, ESCALE_STOP_KIND_RETURN, "Arrivée à Montréal", halifax_time (12, 19, 17, 0),
            halifax_time (12, 19, 17, 30), "Aéroport Montréal-Trudeau");

  escale_vehicle_set_provider (plane_shuttle, "Transport Cyr");
  escale_vehicle_set_driver (plane_shuttle, "Alain Bourgeois");
  escale_vehicle_set_driver_phone (plane_shuttle, "418 555-0157");
  escale_event_add_vehicle (visit, plane_shuttle);
  escale_vehicle_set_provider (coach, "Autocars des Îles");
  escale_event_add_vehicle (visit, coach);

  escale_logistics_task_complete (booked, "2026-10-30", "Geneviève");
  escale_event_add_task (visit, booked);
  escale_event_add_task (visit, late);
  escale_event_add_task (visit, later);
  return visit;
}

static EscaleRegistration *
new_registration (gint64                    participant_id,
                  const char               *name,
                  EscaleRegistrationStatus  status,
                  int                       seats)
{
  EscaleRegistrationData data = {
    .id = participant_id,
    .event_id = 1,
    .participant_id = participant_id,
    .participant_name = name,
    .status = status,
    .seats = seats,
  };

  return _escale_registration_new (&data);
}

static GHashTable *
new_lookup (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
lookup_add (GHashTable *table,
            gint64      id,
            const char *text)
{
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), g_strdup (text));
}

/* What the documents are given: the visit, four people who hold seats
 * (Bao with two children), one who waits, one who gave up. */
typedef struct
{
  EscaleEventDocumentData  data;
  EscaleEvent             *event;
  GPtrArray               *registrations;
  GHashTable              *partner_names;
  GHashTable              *phones;
} Visit;

static void
visit_init (Visit *visit)
{
  EscaleRegistration *ana;

  visit->event = new_visit ();
  visit->registrations = g_ptr_array_new_with_free_func (g_object_unref);
  ana = new_registration (1, "Ana Alves", ESCALE_REGISTRATION_STATUS_CONFIRMED, 1);
  /* What a counsellor may write in the notes never reaches the manifest. */
  escale_registration_set_notes (ana, "ana.alves@example.org, demandeuse d’asile, asylum claimant");
  escale_registration_set_diet (ana, "halal");
  escale_registration_set_accessibility (ana, "fauteuil roulant");
  g_ptr_array_add (visit->registrations, ana);
  g_ptr_array_add (visit->registrations, new_registration (2, "Bao Bui", ESCALE_REGISTRATION_STATUS_REGISTERED, 3));
  g_ptr_array_add (visit->registrations, new_registration (3, "Chloé Charest", ESCALE_REGISTRATION_STATUS_REGISTERED, 1));
  g_ptr_array_add (visit->registrations, new_registration (4, "Dmitri Dvorak", ESCALE_REGISTRATION_STATUS_ATTENDED, 1));
  g_ptr_array_add (visit->registrations, new_registration (5, "Emma Eze", ESCALE_REGISTRATION_STATUS_WAITLISTED, 1));
  g_ptr_array_add (visit->registrations, new_registration (6, "Farid Fares", ESCALE_REGISTRATION_STATUS_CANCELLED, 1));

  visit->partner_names = new_lookup ();
  lookup_add (visit->partner_names, FONDERIE_ID, "Fonderie du Havre inc.");
  lookup_add (visit->partner_names, CENTRE_ID, "Centre intégré de santé des Îles");
  lookup_add (visit->partner_names, CHAMBRE_ID, "Chambre de commerce des Îles");
  visit->phones = new_lookup ();
  lookup_add (visit->phones, 1, "514 555-0101");
  lookup_add (visit->phones, 2, "438 555-0102");

  visit->data.event = visit->event;
  visit->data.registrations = visit->registrations;
  visit->data.partner_names = visit->partner_names;
  visit->data.participant_phones = visit->phones;
  visit->data.today = TODAY;
}

static void
visit_clear (Visit *visit)
{
  g_clear_object (&visit->event);
  g_clear_pointer (&visit->registrations, g_ptr_array_unref);
  g_clear_pointer (&visit->partner_names, g_hash_table_unref);
  g_clear_pointer (&visit->phones, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Visit, visit_clear)

/* Draws @document on a recording surface, page @page or all of them.
 * Returns: (element-type GPtrArray): the texts of each page */
static GPtrArray *
render (EscaleEventDocument            document,
        const EscaleEventDocumentData *data,
        int                            page,
        guint                         *n_pages)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  GPtrArray *texts = NULL;
  guint counted = 0;

  g_assert_true (_escale_event_document_render_texts (document, data, cr, ESCALE_EVENT_DOCUMENT_PAGE_WIDTH,
                                                      ESCALE_EVENT_DOCUMENT_PAGE_HEIGHT, &counted, page, &texts,
                                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (n_pages != NULL)
    *n_pages = counted;
  return texts;
}

/* A page's texts, one per line. */
static char *
page_text (GPtrArray *pages,
           guint      page)
{
  GPtrArray *texts;

  g_assert_cmpuint (page, <, pages->len);
  texts = g_ptr_array_index (pages, page);
  g_ptr_array_add (texts, NULL);
  g_ptr_array_set_size (texts, texts->len - 1);
  return g_strjoinv ("\n", (char **) texts->pdata);
}

static char *
document_text (GPtrArray *pages)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *page = page_text (pages, i);

      g_string_append_printf (text, "%s\n", page);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
page_has (GPtrArray  *pages,
          guint       page,
          const char *text)
{
  GPtrArray *texts = g_ptr_array_index (pages, page);

  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (texts, i), text))
        return TRUE;
    }
  return FALSE;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

#define assert_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("“%s” is not in:\n%s", (needle), (text)); \
  } G_STMT_END

#define assert_lacks(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) != NULL) \
      g_error ("“%s” should not be in:\n%s", (needle), (text)); \
  } G_STMT_END

static void
test_nicks (void)
{
  const char *nicks[] = { "sheet", "manifest", "attendance", "partners" };
  EscaleEventDocument document;

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      g_assert_cmpstr (escale_event_document_get_nick ((EscaleEventDocument) i), ==, nicks[i]);
      g_assert_true (escale_event_document_from_nick (nicks[i], &document));
      g_assert_cmpint (document, ==, i);
    }
  g_assert_false (escale_event_document_from_nick ("Manifest", &document));
  g_assert_false (escale_event_document_from_nick ("", &document));
  g_assert_false (escale_event_document_from_nick (NULL, &document));
  g_assert_cmpstr (escale_event_document_get_title (ESCALE_EVENT_DOCUMENT_MANIFEST), ==, "Bus manifest");
}

/* The sheet participants take home: the visit's own times (an hour ahead
 * of Montréal), where to meet and come back, what to bring, whom to call;
 * nobody's name, and none of the counsellor's notes. */
static void
test_sheet (void)
{
  g_auto(Visit) visit = { { NULL } };
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  visit_init (&visit);
  pages = render (ESCALE_EVENT_DOCUMENT_SHEET, &visit.data, -1, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpuint (pages->len, ==, 1);
  text = document_text (pages);

  assert_contains (text, "EXPLORATORY VISIT\nUne fin de semaine aux Îles\n"
                         "Friday, December 18, 2026 at 07:00 – Saturday, December 19, 2026 at 17:30\n");
  assert_contains (text, "Meeting point\tFriday, December 18, 2026 at 07:00\nAéroport Montréal-Trudeau\n"
                         "975, boulevard Roméo-Vachon Nord\n");
  assert_contains (text, "Return\tSaturday, December 19, 2026 at 17:30\nAéroport Montréal-Trudeau\n");
  assert_contains (text, "Transport\tMinibus (Transport Cyr)\nCoach (Autocars des Îles)\n");
  assert_contains (text, "Your contact\tGeneviève Arsenault, 418 555-0100\n");
  assert_contains (text, "About\nDeux jours pour découvrir les Îles, leurs emplois et leurs services.\n");

  /* Local times of the Îles, said to be so: not Montréal's 09:45, not UTC's 14:45. */
  assert_contains (text, "Itinerary\nTimes are local times of the event’s time zone: America/Halifax (UTC-04:00).\n");
  assert_contains (text, "Time\tActivity\tPlace\nFriday, December 18, 2026\n07:00–07:45\t");
  assert_contains (text, "10:45–12:00\tVisite de la fonderie\nCompany visit\tFonderie du Havre\n");
  assert_contains (text, "Saturday, December 19, 2026\n17:00–17:30\tArrivée à Montréal\nReturn\t");
  assert_lacks (text, "09:45");
  assert_lacks (text, "14:45");

  assert_contains (text, "What to bring\nBottes chaudes\nCarte d’assurance maladie\nCurriculum vitæ\n");

  assert_lacks (text, "Ana Alves");
  assert_lacks (text, "Budget serré");
  assert_lacks (text, "Note interne");
  assert_contains (text, "Printed on December 1, 2026\nPage 1 of 1\n");
}

/* The manifest: per vehicle, households kept together, phones and needs;
 * no email, no immigration status, no notes, and only those with seats. */
static void
test_manifest (void)
{
  g_auto(Visit) visit = { { NULL } };
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;

  visit_init (&visit);
  pages = render (ESCALE_EVENT_DOCUMENT_MANIFEST, &visit.data, -1, NULL);
  text = document_text (pages);

  assert_contains (text, "Passengers\t4 people, 6 seats\n");
  /* Ana takes the minibus's first seat; Bao's household of three does not
   * fit in the two left, and is not split: it takes the coach with the others. */
  assert_contains (text, "Vehicle 1 of 2: Minibus · Transport Cyr\nDriver\tAlain Bourgeois, 418 555-0157\n");
  assert_contains (text, "#\tName\tSeats\tPhone\tDiet and accessibility\tEmergency contact\n"
                         "1\tAna Alves\t1\t514 555-0101\tDiet: halal\nAccessibility: fauteuil roulant\t\n"
                         "1 person, 1 seat\n");
  assert_contains (text, "Vehicle 2 of 2: Coach · Autocars des Îles\n");
  assert_contains (text, "1\tBao Bui\t3\t438 555-0102\t\t\n"
                         "2\tChloé Charest\t1\t\t\t\n"
                         "3\tDmitri Dvorak\t1\t\t\t\n"
                         "3 people, 5 seats\n");

  assert_lacks (text, "Emma Eze");
  assert_lacks (text, "Farid Fares");
  assert_lacks (text, "@");
  assert_lacks (text, "example.org");
  assert_lacks (text, "asile");
  assert_lacks (text, "asylum");
}

/* With more households than seats, those left over are listed apart; with
 * no vehicle, everyone is in one list. */
static void
test_manifest_seats (void)
{
  g_auto(Visit) visit = { { NULL } };
  g_autoptr(GPtrArray) short_pages = NULL;
  g_autoptr(GPtrArray) no_vehicle_pages = NULL;
  g_autoptr(EscaleVehicle) coach = NULL;
  g_autofree char *short_text = NULL;
  g_autofree char *no_vehicle_text = NULL;

  visit_init (&visit);
  coach = g_list_model_get_item (escale_event_get_vehicles (visit.event), 1);
  escale_vehicle_set_seats (coach, 4);
  short_pages = render (ESCALE_EVENT_DOCUMENT_MANIFEST, &visit.data, -1, NULL);
  short_text = document_text (short_pages);
  assert_contains (short_text, "Without a seat in a vehicle\n");
  assert_contains (short_text, "1\tDmitri Dvorak\t1\t\t\t\n1 person, 1 seat\n");

  escale_event_remove_vehicle (visit.event, coach);
  {
    g_autoptr(EscaleVehicle) minibus = g_list_model_get_item (escale_event_get_vehicles (visit.event), 0);

    escale_event_remove_vehicle (visit.event, minibus);
  }
  no_vehicle_pages = render (ESCALE_EVENT_DOCUMENT_MANIFEST, &visit.data, -1, NULL);
  no_vehicle_text = document_text (no_vehicle_pages);
  assert_contains (no_vehicle_text, "Passengers\n#\tName\t");
  assert_contains (no_vehicle_text, "4\tDmitri Dvorak\t1\t\t\t\n4 people, 6 seats\n");
  assert_lacks (no_vehicle_text, "Vehicle");
}

static GPtrArray *
many_holders (guint n)
{
  GPtrArray *registrations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Personne %03u", i + 1);

      g_ptr_array_add (registrations, new_registration (i + 1, name, ESCALE_REGISTRATION_STATUS_REGISTERED, 1));
    }
  return registrations;
}

/* A fair's 300 people: several pages, each with the event's title, the
 * document's name, the table's header and "Page n of N"; everyone once. */
static void
test_attendance_pages (void)
{
  g_autoptr(EscaleEvent) fair = escale_event_new (ESCALE_EVENT_KIND_FAIR);
  g_autoptr(GPtrArray) registrations = many_holders (300);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EscaleEventDocumentData data = { fair, registrations, NULL, NULL, TODAY };
  guint n_pages, counted = 0;

  escale_event_set_text (fair, "title", "Salon de la régionalisation");
  escale_event_set_times (fair, halifax_time (10, 24, 10, 0), halifax_time (10, 24, 16, 0));
  pages = render (ESCALE_EVENT_DOCUMENT_ATTENDANCE, &data, -1, &n_pages);
  g_assert_cmpuint (n_pages, ==, pages->len);
  g_assert_cmpuint (n_pages, >=, 8);
  g_assert_cmpuint (n_pages, <=, 14);

  /* Counting alone, with no cairo context, gives the same pages. */
  g_assert_true (escale_event_document_render (ESCALE_EVENT_DOCUMENT_ATTENDANCE, &data, NULL,
                                               ESCALE_EVENT_DOCUMENT_PAGE_WIDTH, ESCALE_EVENT_DOCUMENT_PAGE_HEIGHT,
                                               &counted, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counted, ==, n_pages);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_true (page_has (pages, i, "Salon de la régionalisation"));
      g_assert_true (page_has (pages, i, "Attendance sheet"));
      g_assert_true (page_has (pages, i, number));
      g_assert_true (page_has (pages, i, "#\tName\tSeats\tPresent\tSignature"));
      if (i > 0)
        g_assert_true (page_has (pages, i, "Participants (continued)"));
    }

  text = document_text (pages);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *row = g_strdup_printf ("\n%u\tPersonne %03u\t1\t[ ]\t\n", i + 1, i + 1);

      g_assert_cmpuint (count_occurrences (text, row), ==, 1);
    }
  assert_contains (text, "Participants\t300 people, 300 seats\n");
}

/* A visit's roll calls: a box per stop, numbered, with its local time,
 * and a table per day. */
static void
test_attendance_stops (void)
{
  g_auto(Visit) visit = { { NULL } };
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;

  visit_init (&visit);
  pages = render (ESCALE_EVENT_DOCUMENT_ATTENDANCE, &visit.data, -1, NULL);
  text = document_text (pages);

  assert_contains (text, "Roll calls\nTimes are local times of the event’s time zone: America/Halifax (UTC-04:00).\n"
                         "#\tWhen\tStop\tPlace\n1\tFri, Dec 18 · 07:00\tRendez-vous à l’aéroport\t");
  assert_contains (text, "Friday, December 18, 2026 · roll calls 1 to 4\n");
  assert_contains (text, "#\tName\tSeats\t1\n07:00\t2\n10:45\t3\n14:00\t4\n18:30\tSignature\n"
                         "1\tAna Alves\t1\t[ ]\t[ ]\t[ ]\t[ ]\t\n"
                         "2\tBao Bui\t3\t[ ]\t[ ]\t[ ]\t[ ]\t\n");
  assert_contains (text, "Saturday, December 19, 2026 · roll call 5\n"
                         "#\tName\tSeats\t5\n17:00\tSignature\n"
                         "1\tAna Alves\t1\t[ ]\t\n");
  assert_lacks (text, "Emma Eze");
  assert_lacks (text, "Farid Fares");
}

/* The partners: each stop's partner by name, confirmed or not, a partner
 * of the event without a stop, and the checklist from today's point of view. */
static void
test_partners (void)
{
  g_auto(Visit) visit = { { NULL } };
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;

  visit_init (&visit);
  pages = render (ESCALE_EVENT_DOCUMENT_PARTNERS, &visit.data, -1, NULL);
  text = document_text (pages);

  assert_contains (text, "Stops with a partner\n1 of 3 stops confirmed\n");
  assert_contains (text, "Fri, Dec 18\n10:45–12:00\tVisite de la fonderie\nCompany visit\tFonderie du Havre\t"
                         "Fonderie du Havre inc.\tConfirmed\n");
  assert_contains (text, "Fri, Dec 18\n14:00–15:30\tRencontre au centre de santé\nMeeting with employers\t"
                         "Centre de santé\tCentre intégré de santé des Îles\tTo confirm\n");
  assert_contains (text, "\tPartner no. 99\tTo confirm\n");
  assert_contains (text, "Other partners of the event\nChambre de commerce des Îles\n");

  assert_contains (text, "Checklist\nDone: 1 · late: 1 · to do: 1\nTask\tDue\tStatus\n"
                         "Réserver le minibus\tNovember 1, 2026\tDone on October 30, 2026 (Geneviève)\n"
                         "Confirmer le souper\tNovember 25, 2026\tLate\n"
                         "Imprimer les listes\tDecember 10, 2026\tTo do\n");
  assert_lacks (text, "Note interne");
  assert_lacks (text, "Ana Alves");
}

/* The print dialog draws one page at a time; a page past the end is an error. */
static void
test_one_page (void)
{
  g_autoptr(EscaleEvent) fair = escale_event_new (ESCALE_EVENT_KIND_FAIR);
  g_autoptr(GPtrArray) registrations = many_holders (120);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  EscaleEventDocumentData data = { fair, registrations, NULL, NULL, TODAY };
  guint n_pages;
  g_autofree char *expected = NULL;
  g_autofree char *drawn = NULL;

  escale_event_set_text (fair, "title", "Salon");
  all = render (ESCALE_EVENT_DOCUMENT_MANIFEST, &data, -1, &n_pages);
  g_assert_cmpuint (n_pages, >=, 3);

  second = render (ESCALE_EVENT_DOCUMENT_MANIFEST, &data, 1, NULL);
  g_assert_cmpuint (second->len, ==, 2);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (second, 0))->len, ==, 0);
  expected = page_text (all, 1);
  drawn = page_text (second, 1);
  g_assert_cmpstr (drawn, ==, expected);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  g_assert_false (escale_event_document_render (ESCALE_EVENT_DOCUMENT_MANIFEST, &data, cr,
                                                ESCALE_EVENT_DOCUMENT_PAGE_WIDTH, ESCALE_EVENT_DOCUMENT_PAGE_HEIGHT,
                                                NULL, (int) n_pages, &error));
  g_assert_error (error, ESCALE_EVENT_DOCUMENT_ERROR, ESCALE_EVENT_DOCUMENT_ERROR_NO_SUCH_PAGE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A description longer than a page goes on to the next, line by line,
 * none lost. */
static void
test_long_text (void)
{
  g_autoptr(EscaleEvent) session = escale_event_new (ESCALE_EVENT_KIND_INFORMATION_SESSION);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GString) flowed = g_string_new (NULL);
  EscaleEventDocumentData data = { session, NULL, NULL, NULL, TODAY };
  guint n_pages;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (description, "Phrase %u sur la vie en région. ", i + 1);
  g_string_truncate (description, description->len - 1);
  escale_event_set_text (session, "title", "Séance");
  escale_event_set_text (session, "description", description->str);

  pages = render (ESCALE_EVENT_DOCUMENT_SHEET, &data, -1, &n_pages);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint i = 0; i < n_pages; i++)
    {
      GPtrArray *texts = g_ptr_array_index (pages, i);
      guint n_pieces = 0;

      for (guint j = 0; j < texts->len; j++)
        {
          const char *piece = g_ptr_array_index (texts, j);

          if (strstr (description->str, piece) != NULL)
            {
              g_string_append_printf (flowed, "%s%s", flowed->len > 0 ? " " : "", piece);
              n_pieces++;
            }
        }
      /* A part of the text on each page. */
      g_assert_cmpuint (n_pieces, ==, 1);
    }
  g_assert_cmpstr (flowed->str, ==, description->str);
}

static mode_t
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 0777;
}

/* A PDF readable by its owner only; in a folder that does not exist,
 * an error naming the file and nothing written. */
static void
test_write_pdf (void)
{
  g_auto(Visit) visit = { { NULL } };
  g_autofree char *folder = test_folder_new ();
  g_autofree char *path = g_build_filename (folder, "manifeste.pdf", NULL);
  g_autofree char *missing = g_build_filename (folder, "absent", "manifeste.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize length;

  visit_init (&visit);
  g_assert_true (escale_event_document_write_pdf (ESCALE_EVENT_DOCUMENT_MANIFEST, &visit.data, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (file_mode (path), ==, 0600);

  g_assert_false (escale_event_document_write_pdf (ESCALE_EVENT_DOCUMENT_SHEET, &visit.data, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Only the first PDF: no temporary file left beside it. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "manifeste.pdf");
  g_assert_null (g_dir_read_name (dir));

  test_folder_remove (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/event-documents/nicks", test_nicks);
  g_test_add_func ("/event-documents/sheet", test_sheet);
  g_test_add_func ("/event-documents/manifest", test_manifest);
  g_test_add_func ("/event-documents/manifest/seats", test_manifest_seats);
  g_test_add_func ("/event-documents/attendance/pages", test_attendance_pages);
  g_test_add_func ("/event-documents/attendance/stops", test_attendance_stops);
  g_test_add_func ("/event-documents/partners", test_partners);
  g_test_add_func ("/event-documents/one-page", test_one_page);
  g_test_add_func ("/event-documents/long-text", test_long_text);
  g_test_add_func ("/event-documents/write-pdf", test_write_pdf);

  return g_test_run ();
}
