/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-planning"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-waitlist.h"

/* Capacity and waitlist rules, without the database: the registration
 * repository asks them inside the transaction that writes the answer, so
 * two counsellors registering at the same moment cannot both take the last
 * seat. */

/**
 * escale_event_fill_get_free_seats:
 *
 * Returns: the seats nobody holds, G_MAXUINT when there is no limit
 */
guint
escale_event_fill_get_free_seats (const EscaleEventFill *fill)
{
  g_return_val_if_fail (fill != NULL, 0);

  if (fill->capacity < 0)
    return G_MAXUINT;

  return (guint) fill->capacity > fill->seats_taken ? (guint) fill->capacity - fill->seats_taken : 0;
}

/**
 * escale_event_fill_describe:
 *
 * How full an event is, in a counsellor's words: "32 of 40 seats · 5
 * waiting", or "12 seats taken" without a limit.
 *
 * Returns: (transfer full): the text
 */
char *
escale_event_fill_describe (const EscaleEventFill *fill)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (fill != NULL, NULL);

  if (fill->capacity >= 0)
    /* Translators: seats taken out of the seats there are */
    g_string_printf (text, ngettext ("%u of %d seat", "%u of %d seats", fill->capacity), fill->seats_taken,
                     fill->capacity);
  else
    g_string_printf (text, ngettext ("%u seat taken", "%u seats taken", fill->seats_taken), fill->seats_taken);

  if (fill->n_waitlisted > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u waiting", "%u waiting", fill->n_waitlisted), fill->n_waitlisted);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * escale_waitlist_place:
 * @fill: the event as it is
 * @seats: the seats a new registration asks for, household included
 *
 * Where a new registration goes: a seat when there are enough free ones
 * and nobody waits, the end of the waitlist otherwise. Someone who joins
 * the waitlist while seats are free is promoted at once if nobody before
 * them fits those seats (see escale_waitlist_promote()): a newcomer never
 * passes people who waited.
 */
EscaleRegistrationStatus
escale_waitlist_place (const EscaleEventFill *fill,
                       guint                  seats)
{
  g_return_val_if_fail (fill != NULL, ESCALE_REGISTRATION_STATUS_WAITLISTED);

  if (fill->n_waitlisted == 0 && seats <= escale_event_fill_get_free_seats (fill))
    return ESCALE_REGISTRATION_STATUS_REGISTERED;

  return ESCALE_REGISTRATION_STATUS_WAITLISTED;
}

/**
 * escale_waitlist_promote:
 * @free_seats: the seats nobody holds
 * @waitlisted_seats: (array length=n_waitlisted): the seats of each
 *   waitlisted registration, in the order they joined
 *
 * Who gets the free seats: each registration in order that fits in what
 * is left. A family of four does not take a freed single seat, and does not
 * stop the single person behind it from taking it.
 *
 * Returns: (transfer full) (element-type guint): the indices of the
 *   registrations to promote, in order
 */
GArray *
escale_waitlist_promote (guint        free_seats,
                         const guint *waitlisted_seats,
                         guint        n_waitlisted)
{
  GArray *promoted = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (waitlisted_seats != NULL || n_waitlisted == 0, promoted);

  for (guint i = 0; i < n_waitlisted && free_seats > 0; i++)
    {
      if (escale_waitlist_take_seats (&free_seats, waitlisted_seats[i]))
        g_array_append_val (promoted, i);
    }

  return promoted;
}

/**
 * escale_waitlist_take_seats:
 * @free_seats: (inout): the seats left
 * @seats: those the next registration on the waitlist asks for
 *
 * One step of escale_waitlist_promote(), for a caller that reads the
 * waitlist in order and stops when no seat is left.
 *
 * Returns: whether the registration fits, and then takes its seats
 */
gboolean
escale_waitlist_take_seats (guint *free_seats,
                            guint  seats)
{
  g_return_val_if_fail (free_seats != NULL, FALSE);

  if (seats > *free_seats)
    return FALSE;

  *free_seats -= seats;
  return TRUE;
}

/**
 * escale_registration_status_can_change:
 *
 * The changes a counsellor makes by hand. Leaving the waitlist for a seat
 * is the repository's decision (a promotion), not a choice; a cancelled
 * registration comes back by registering again, at the end of the line.
 *
 * Returns: whether a registration may go from @from to @to
 */
gboolean
escale_registration_status_can_change (EscaleRegistrationStatus from,
                                       EscaleRegistrationStatus to)
{
  if (from == to)
    return FALSE;

  switch (from)
    {
    case ESCALE_REGISTRATION_STATUS_REGISTERED:
      return to == ESCALE_REGISTRATION_STATUS_CONFIRMED || to == ESCALE_REGISTRATION_STATUS_ATTENDED ||
             to == ESCALE_REGISTRATION_STATUS_NO_SHOW || to == ESCALE_REGISTRATION_STATUS_CANCELLED;
    case ESCALE_REGISTRATION_STATUS_CONFIRMED:
      return to == ESCALE_REGISTRATION_STATUS_REGISTERED || to == ESCALE_REGISTRATION_STATUS_ATTENDED ||
             to == ESCALE_REGISTRATION_STATUS_NO_SHOW || to == ESCALE_REGISTRATION_STATUS_CANCELLED;
    case ESCALE_REGISTRATION_STATUS_WAITLISTED:
      return to == ESCALE_REGISTRATION_STATUS_CANCELLED;
    /* The roll call can be corrected. */
    case ESCALE_REGISTRATION_STATUS_ATTENDED:
      return to == ESCALE_REGISTRATION_STATUS_NO_SHOW || to == ESCALE_REGISTRATION_STATUS_CONFIRMED;
    case ESCALE_REGISTRATION_STATUS_NO_SHOW:
      return to == ESCALE_REGISTRATION_STATUS_ATTENDED || to == ESCALE_REGISTRATION_STATUS_CONFIRMED;
    case ESCALE_REGISTRATION_STATUS_CANCELLED:
    default:
      return FALSE;
    }
}
