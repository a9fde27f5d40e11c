/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-waitlist.h"

/* The capacity and waitlist rules alone, without a database. */

static char *
promoted_of (guint        free_seats,
             const guint *seats,
             guint        n)
{
  g_autoptr(GArray) promoted = escale_waitlist_promote (free_seats, seats, n);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < promoted->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? " " : "", g_array_index (promoted, guint, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_promote (void)
{
  const guint family_first[] = { 4, 1, 1 };
  const guint singles[] = { 1, 1, 1 };
  const guint couple_then_family[] = { 2, 4, 1 };
  g_autofree char *one_seat = promoted_of (1, family_first, G_N_ELEMENTS (family_first));
  g_autofree char *four_seats = promoted_of (4, family_first, G_N_ELEMENTS (family_first));
  g_autofree char *two_of_three = promoted_of (2, singles, G_N_ELEMENTS (singles));
  g_autofree char *mixed = promoted_of (3, couple_then_family, G_N_ELEMENTS (couple_then_family));
  g_autofree char *none = promoted_of (0, singles, G_N_ELEMENTS (singles));
  g_autofree char *empty = promoted_of (5, NULL, 0);

  /* A family of four does not take a freed single seat, and does not keep
   * the person behind it from taking it. */
  g_assert_cmpstr (one_seat, ==, "1");
  /* Four free seats: the family first, in order. */
  g_assert_cmpstr (four_seats, ==, "0");
  g_assert_cmpstr (two_of_three, ==, "0 1");
  /* The couple, then what is left: not the family, but the single. */
  g_assert_cmpstr (mixed, ==, "0 2");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_place (void)
{
  EscaleEventFill fill = { .capacity = 20, .seats_taken = 18 };
  EscaleEventFill unlimited = { .capacity = -1, .seats_taken = 500 };

  g_assert_cmpuint (escale_event_fill_get_free_seats (&fill), ==, 2);
  g_assert_cmpint (escale_waitlist_place (&fill, 2), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
  /* A family of three does not fit in two seats. */
  g_assert_cmpint (escale_waitlist_place (&fill, 3), ==, ESCALE_REGISTRATION_STATUS_WAITLISTED);

  /* Nobody passes those who wait, even when a seat is free. */
  fill.n_waitlisted = 1;
  fill.waitlisted_seats = 4;
  g_assert_cmpint (escale_waitlist_place (&fill, 1), ==, ESCALE_REGISTRATION_STATUS_WAITLISTED);

  /* Over capacity (the capacity was lowered): no free seat, no negative. */
  fill = (EscaleEventFill) { .capacity = 10, .seats_taken = 12 };
  g_assert_cmpuint (escale_event_fill_get_free_seats (&fill), ==, 0);

  g_assert_cmpuint (escale_event_fill_get_free_seats (&unlimited), ==, G_MAXUINT);
  g_assert_cmpint (escale_waitlist_place (&unlimited, 20), ==, ESCALE_REGISTRATION_STATUS_REGISTERED);
}

/* What the events page, an event's registrations and the event chooser
 * say of how full an event is. */
static void
test_describe (void)
{
  EscaleEventFill fill = { .capacity = 40, .seats_taken = 12 };
  EscaleEventFill one = { .capacity = 1, .seats_taken = 1, .n_waitlisted = 1, .waitlisted_seats = 3 };
  EscaleEventFill unlimited = { .capacity = -1, .seats_taken = 1 };
  g_autofree char *plain = escale_event_fill_describe (&fill);
  g_autofree char *full = escale_event_fill_describe (&one);
  g_autofree char *no_limit = NULL;
  g_autofree char *waiting = NULL;

  g_assert_cmpstr (plain, ==, "12 of 40 seats");
  /* The waitlist counts people, not the seats their households need. */
  g_assert_cmpstr (full, ==, "1 of 1 seat · 1 waiting");
  no_limit = escale_event_fill_describe (&unlimited);
  g_assert_cmpstr (no_limit, ==, "1 seat taken");

  fill.n_waitlisted = 3;
  fill.waitlisted_seats = 5;
  waiting = escale_event_fill_describe (&fill);
  g_assert_cmpstr (waiting, ==, "12 of 40 seats · 3 waiting");
}

static void
test_transitions (void)
{
  /* allowed[from][to], in the order of EscaleRegistrationStatus:
   * registered, waitlisted, confirmed, attended, no-show, cancelled. */
  const gboolean allowed[6][6] = {
    { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE },    /* registered */
    { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE }, /* waitlisted: promoted by the repository only */
    { TRUE, FALSE, FALSE, TRUE, TRUE, TRUE },    /* confirmed */
    { FALSE, FALSE, TRUE, FALSE, TRUE, FALSE },  /* attended: the roll call can be corrected */
    { FALSE, FALSE, TRUE, TRUE, FALSE, FALSE },  /* no-show */
    { FALSE, FALSE, FALSE, FALSE, FALSE, FALSE },/* cancelled: register again instead */
  };

  for (guint from = 0; from < 6; from++)
    {
      for (guint to = 0; to < 6; to++)
        {
          g_test_message ("from %u to %u", from, to);
          g_assert_cmpint (escale_registration_status_can_change (from, to), ==, allowed[from][to]);
        }
    }

  /* Who did not come still held a seat on the bus. */
  g_assert_true (escale_registration_status_holds_seats (ESCALE_REGISTRATION_STATUS_NO_SHOW));
  g_assert_false (escale_registration_status_holds_seats (ESCALE_REGISTRATION_STATUS_WAITLISTED));
  g_assert_false (escale_registration_status_holds_seats (ESCALE_REGISTRATION_STATUS_CANCELLED));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/waitlist/promote", test_promote);
  g_test_add_func ("/waitlist/place", test_place);
  g_test_add_func ("/waitlist/describe", test_describe);
  g_test_add_func ("/waitlist/transitions", test_transitions);

  return g_test_run ();
}
