/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-database-private.h"
#include "escale-eligibility.h"
#include "escale-enums.h"
#include "escale-event-private.h"
#include "escale-event-repository.h"
#include "escale-event-repository-private.h"
#include "escale-locale.h"
#include "escale-participant-choices.h"
#include "escale-participant-repository-private.h"
#include "escale-registration-repository-private.h"

/* Registrations change only here, each change in one write transaction
 * (BEGIN IMMEDIATE): the seats are counted in the transaction that takes
 * one, so two counsellors, or the window and escale-cli, cannot sell the
 * last seat twice. Every change that frees seats promotes from the
 * waitlist before it commits. */

#define ENTITY "registration"

G_DEFINE_FINAL_TYPE (EscaleRegistrationRepository, escale_registration_repository, G_TYPE_OBJECT)

G_DEFINE_QUARK (escale-registration-error-quark, escale_registration_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define REGISTRATION_SQL \
  "SELECT r.id, r.event_id, r.participant_id, " \
  "coalesce (p.preferred_name, p.given_name) || ' ' || p.family_name, " \
  "r.status, r.seats, r.waitlisted_at, r.needs_lodging, r.diet, r.accessibility, r.notes " \
  "FROM registration r JOIN participant p ON p.id = r.participant_id "

static gint64
now_in_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static EscaleRegistration *
registration_from_row (sqlite3_stmt *stmt)
{
  EscaleRegistrationData data = {
    .id = sqlite3_column_int64 (stmt, 0),
    .event_id = sqlite3_column_int64 (stmt, 1),
    .participant_id = sqlite3_column_int64 (stmt, 2),
    .participant_name = _escale_column_text (stmt, 3),
    .seats = sqlite3_column_int (stmt, 5),
    .waitlisted_at = sqlite3_column_int64 (stmt, 6),
    .needs_lodging = sqlite3_column_int (stmt, 7) != 0,
    .diet = _escale_column_text (stmt, 8),
    .accessibility = _escale_column_text (stmt, 9),
    .notes = _escale_column_text (stmt, 10),
  };
  int status = ESCALE_REGISTRATION_STATUS_REGISTERED;

  escale_choice_from_nick (ESCALE_TYPE_REGISTRATION_STATUS, _escale_column_text (stmt, 4), &status);
  data.status = status;
  return _escale_registration_new (&data);
}

/* Returns the registrations @where selects, with @id bound to each ?. */
GPtrArray *
_escale_registration_read_all (EscaleRegistrationRepository  *self,
                               const char                    *where,
                               gint64                         id,
                               gint64                         other_id,
                               GError                       **error)
{
  g_autofree char *sql = g_strconcat (REGISTRATION_SQL, where, NULL);
  g_autoptr(GPtrArray) registrations = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _escale_database_prepare_cached (self->database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, other_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (registrations, registration_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  return g_steal_pointer (&registrations);
}

static EscaleRegistration *
read_one (EscaleRegistrationRepository  *self,
          const char                    *where,
          gint64                         id,
          gint64                         other_id,
          GError                       **error)
{
  g_autoptr(GPtrArray) found = _escale_registration_read_all (self, where, id, other_id, error);

  if (found == NULL || found->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
read_fill (EscaleRegistrationRepository  *self,
           gint64                         event_id,
           EscaleEventFill               *fill,
           GError                       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _escale_database_prepare_cached (self->database,
                                          "SELECT e.capacity, "
                                          "coalesce (sum (r.seats) FILTER (WHERE r." ESCALE_HOLDS_SEATS_SQL "), 0), "
                                          "count (r.id) FILTER (WHERE r." ESCALE_HOLDS_SEATS_SQL "), "
                                          "count (r.id) FILTER (WHERE r.status = 'waitlisted'), "
                                          "coalesce (sum (r.seats) FILTER (WHERE r.status = 'waitlisted'), 0) "
                                          "FROM event e LEFT JOIN registration r ON r.event_id = e.id "
                                          "WHERE e.id = ? GROUP BY e.id",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fill->capacity = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 0);
      fill->seats_taken = sqlite3_column_int (stmt, 1);
      fill->n_holding = sqlite3_column_int (stmt, 2);
      fill->n_waitlisted = sqlite3_column_int (stmt, 3);
      fill->waitlisted_seats = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("There is no event number %lld"), (long long) event_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      return FALSE;
    }

  return TRUE;
}

/* What a participant's own calendar shows of a registration: a seat
 * (CONFIRMED), a place on the waitlist (TENTATIVE), or a withdrawal
 * (CANCELLED). */
static int
calendar_view (EscaleRegistrationStatus status)
{
  switch (status)
    {
    case ESCALE_REGISTRATION_STATUS_WAITLISTED:
      return 1;
    case ESCALE_REGISTRATION_STATUS_CANCELLED:
      return 2;
    case ESCALE_REGISTRATION_STATUS_REGISTERED:
    case ESCALE_REGISTRATION_STATUS_CONFIRMED:
    case ESCALE_REGISTRATION_STATUS_ATTENDED:
    case ESCALE_REGISTRATION_STATUS_NO_SHOW:
    default:
      return 0;
    }
}

gboolean
_escale_registration_write_status (EscaleRegistrationRepository  *self,
                                   EscaleRegistration            *registration,
                                   EscaleRegistrationStatus       status,
                                   const char                    *why,
                                   gint64                         now,
                                   GError                       **error)
{
  g_autofree char *details = NULL;
  sqlite3_stmt *stmt;

  stmt = _escale_database_prepare_cached (self->database,
                                          "UPDATE registration SET status = ?, waitlisted_at = ?, updated_at = ? "
                                          "WHERE id = ?",
                                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS, status), -1, SQLITE_STATIC);
  if (status == ESCALE_REGISTRATION_STATUS_WAITLISTED)
    sqlite3_bind_int64 (stmt, 2, now);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, escale_registration_get_id (registration));
  if (!_escale_database_step_done (self->database, stmt, error))
    return FALSE;

  /* A calendar client takes an entry only with a higher SEQUENCE: the
   * participant's copy changes (TENTATIVE to CONFIRMED, or back), so the
   * event's SEQUENCE grows, which keeps every copy of the entry (theirs,
   * the event's, an invitation) on one increasing counter. */
  if (calendar_view (escale_registration_get_status (registration)) != calendar_view (status) &&
      !_escale_event_bump_ical_sequence (self->database, escale_registration_get_event_id (registration), error))
    return FALSE;

  details = g_strdup_printf ("status: %s → %s%s%s",
                             escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS,
                                                     escale_registration_get_status (registration)),
                             escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS, status),
                             why != NULL ? "; " : "", why != NULL ? why : "");
  return escale_audit_log_record (self->database, ENTITY, escale_registration_get_id (registration), "update",
                                  details, error);
}

/* Gives the free seats to the waitlist, in order (see
 * escale_waitlist_promote()), and adds who got one to @promoted. The
 * waitlist is read only as far as seats are left: a cancellation at a fair
 * with 500 people waiting promotes the first one and stops. */
static gboolean
promote_within (EscaleRegistrationRepository  *self,
                gint64                         event_id,
                gint64                         now,
                GPtrArray                     *promoted,
                GError                       **error)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  EscaleEventFill fill;
  sqlite3_stmt *stmt;
  guint free_seats;
  int rc;

  if (!read_fill (self, event_id, &fill, error))
    return FALSE;
  free_seats = escale_event_fill_get_free_seats (&fill);
  if (fill.n_waitlisted == 0 || free_seats == 0)
    return TRUE;

  stmt = _escale_database_prepare_cached (self->database,
                                          "SELECT id, seats FROM registration "
                                          "WHERE event_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, id",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);

  while (free_seats > 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (escale_waitlist_take_seats (&free_seats, sqlite3_column_int (stmt, 1)))
        g_array_append_val (chosen, id);
    }
  sqlite3_reset (stmt);

  if (free_seats > 0 && rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return FALSE;
    }

  for (guint i = 0; i < chosen->len; i++)
    {
      g_autoptr(EscaleRegistration) registration = read_one (self, "WHERE r.id = ?",
                                                             g_array_index (chosen, gint64, i), 0, error);

      if (registration == NULL ||
          !_escale_registration_write_status (self, registration, ESCALE_REGISTRATION_STATUS_REGISTERED, "promoted from the waitlist",
                         now, error))
        return FALSE;
      g_object_set (registration, "status", ESCALE_REGISTRATION_STATUS_REGISTERED, "waitlisted-at", (gint64) 0, NULL);
      if (promoted != NULL)
        g_ptr_array_add (promoted, g_steal_pointer (&registration));
    }

  return TRUE;
}

gboolean
_escale_registration_finish (EscaleRegistrationRepository  *self,
                             gboolean                       ok,
                             GError                       **error)
{
  if (!ok || !escale_database_commit (self->database, error))
    {
      escale_database_rollback (self->database);
      return FALSE;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* The event's rules, when it has some, for @participant: a refusal with
 * the reasons, or the name of the rules to record an override against
 * when a justification was given. */
static gboolean
check_eligibility (EscaleRegistrationRepository  *self,
                   EscaleEvent                   *event,
                   EscaleParticipant             *participant,
                   const EscaleRegisterOptions   *options,
                   char                         **overridden_rules,
                   GError                       **error)
{
  const char *rules_json = escale_event_get_text (event, "eligibility-rules");
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(EscaleEligibilityRules) rules = NULL;
  g_autoptr(EscaleEligibilityVerdict) verdict = NULL;
  g_autoptr(GString) reasons = NULL;
  g_autofree char *today = NULL;
  GDate date;

  if (rules_json == NULL)
    return TRUE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, rules_json, -1, error) ||
      (rules = escale_eligibility_rules_from_json (json_parser_get_root (parser), error)) == NULL)
    return FALSE;

  today = options->today != NULL ? g_strdup (options->today) : escale_calendar_date_today ();
  if (!escale_calendar_date_parse (today, &date))
    g_return_val_if_reached (FALSE);

  verdict = escale_eligibility_check (rules, participant, self->regions, &date);
  if (verdict->eligible)
    return TRUE;

  if (options->justification != NULL && *options->justification != '\0')
    {
      *overridden_rules = g_strdup (rules->name != NULL ? rules->name : escale_event_get_title (event));
      return TRUE;
    }

  reasons = g_string_new (NULL);
  for (guint i = 0; i < verdict->reasons->len; i++)
    {
      const EscaleEligibilityReason *reason = g_ptr_array_index (verdict->reasons, i);

      if (!reason->met)
        g_string_append_printf (reasons, "%s%s", reasons->len > 0 ? " " : "",
                                escale_eligibility_reason_get_text (reason, escale_locale_get_language ()));
    }

  {
    g_autofree char *name = escale_participant_dup_display_name (participant);

    g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_NOT_ELIGIBLE,
                 /* Translators: a name, an event's title, then the reasons */
                 _("%s does not meet the rules of “%s”: %s Give a justification to register them anyway."),
                 name, escale_event_get_title (event), reasons->str);
  }
  return FALSE;
}

static gboolean
insert_registration (EscaleRegistrationRepository  *self,
                     gint64                         event_id,
                     gint64                         participant_id,
                     EscaleRegistrationStatus       status,
                     int                            seats,
                     gint64                         now,
                     gint64                        *id,
                     GError                       **error)
{
  sqlite3_stmt *stmt;

  /* A cancelled registration comes back at the end of the line. */
  stmt = _escale_database_prepare_cached (self->database,
                                          "INSERT INTO registration (event_id, participant_id, status, seats, "
                                          "waitlisted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                          "ON CONFLICT (event_id, participant_id) DO UPDATE SET status = excluded.status, "
                                          "seats = excluded.seats, waitlisted_at = excluded.waitlisted_at, "
                                          "updated_at = excluded.updated_at "
                                          "RETURNING id",
                                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  sqlite3_bind_text (stmt, 3, escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS, status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, seats);
  if (status == ESCALE_REGISTRATION_STATUS_WAITLISTED)
    sqlite3_bind_int64 (stmt, 5, now);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, now);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return escale_audit_log_record (self->database, ENTITY, *id, "create",
                                  escale_choice_get_nick (ESCALE_TYPE_REGISTRATION_STATUS, status), error);
}

static EscaleEvent *
load_open_event (EscaleRegistrationRepository  *self,
                 gint64                         event_id,
                 GError                       **error)
{
  g_autoptr(EscaleEventRepository) events = escale_event_repository_new (self->database);
  g_autoptr(EscaleEvent) event = escale_event_repository_load (events, event_id, error);

  if (event == NULL)
    return NULL;

  switch (escale_event_get_status (event))
    {
    case ESCALE_EVENT_STATUS_CANCELLED:
      g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_EVENT_CLOSED,
                   _("“%s” is cancelled: nobody can register for it"), escale_event_get_title (event));
      return NULL;
    case ESCALE_EVENT_STATUS_DONE:
      g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_EVENT_CLOSED,
                   _("“%s” is over: nobody can register for it"), escale_event_get_title (event));
      return NULL;
    case ESCALE_EVENT_STATUS_DRAFT:
    case ESCALE_EVENT_STATUS_PUBLISHED:
    case ESCALE_EVENT_STATUS_FULL:
    default:
      return g_steal_pointer (&event);
    }
}

static gboolean
event_still_open (EscaleRegistrationRepository  *self,
                  EscaleEvent                   *event,
                  GError                       **error)
{
  sqlite3_stmt *stmt;
  gboolean open;

  stmt = _escale_database_prepare_cached (self->database,
                                          "SELECT 1 FROM event WHERE id = ? AND status NOT IN ('cancelled', 'done')",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, escale_event_get_id (event));
  open = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!open)
    g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_EVENT_CLOSED,
                 _("“%s” is cancelled or over: nobody can register for it"), escale_event_get_title (event));
  return open;
}

/**
 * escale_registration_repository_register:
 *
 * Registers a participant who consented to registration and follow-up and
 * meets the event's rules (or whose exception is justified): a seat when
 * there are enough, the end of the waitlist otherwise.
 *
 * Returns: (transfer full): the registration, its status saying which
 */
EscaleRegistration *
escale_registration_repository_register (EscaleRegistrationRepository  *self,
                                         gint64                         event_id,
                                         gint64                         participant_id,
                                         const EscaleRegisterOptions   *options,
                                         GError                       **error)
{
  g_autoptr(EscaleEvent) event = NULL;
  g_autoptr(EscaleParticipant) participant = NULL;
  g_autoptr(EscaleRegistration) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *overridden_rules = NULL;
  EscaleEventFill fill;
  EscaleRegistrationStatus status;
  gint64 now = now_in_seconds ();
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), NULL);
  g_return_val_if_fail (options != NULL && options->seats >= 1, NULL);

  /* What needs no lock is read first: the file and the event. */
  participant = escale_participant_repository_load (self->participants, participant_id, error);
  if (participant == NULL ||
      !escale_participant_require_consent (participant, ESCALE_CONSENT_PURPOSE_REGISTRATION, error) ||
      (event = load_open_event (self, event_id, error)) == NULL ||
      !check_eligibility (self, event, participant, options, &overridden_rules, error) ||
      !escale_database_begin (self->database, error))
    return NULL;

  /* Cancelled meanwhile, by another counsellor: checked again under the
   * write lock. */
  if (!event_still_open (self, event, error))
    {
      _escale_registration_finish (self, FALSE, NULL);
      return NULL;
    }

  existing = read_one (self, "WHERE r.event_id = ? AND r.participant_id = ?", event_id, participant_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      _escale_registration_finish (self, FALSE, NULL);
      return NULL;
    }
  if (existing != NULL && escale_registration_get_status (existing) != ESCALE_REGISTRATION_STATUS_CANCELLED)
    {
      g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_ALREADY_REGISTERED,
                   _("%s is already registered for “%s” (%s)"),
                   escale_registration_get_participant_name (existing), escale_event_get_title (event),
                   escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, escale_registration_get_status (existing)));
      _escale_registration_finish (self, FALSE, NULL);
      return NULL;
    }

  ok = (overridden_rules == NULL ||
        _escale_participant_repository_write_override (self->participants, participant_id, overridden_rules,
                                                       options->justification, error)) &&
       read_fill (self, event_id, &fill, error);
  if (ok)
    {
      status = escale_waitlist_place (&fill, options->seats);
      /* Back after a cancellation: their calendar may still hold the
       * entry, which must take the new status. */
      ok = insert_registration (self, event_id, participant_id, status, options->seats, now, &id, error) &&
           (existing == NULL || _escale_event_bump_ical_sequence (self->database, event_id, error)) &&
           (status != ESCALE_REGISTRATION_STATUS_WAITLISTED || promote_within (self, event_id, now, NULL, error));
    }

  if (!_escale_registration_finish (self, ok, error))
    return NULL;

  return escale_registration_repository_find (self, event_id, participant_id, error);
}

static gboolean
change_status (EscaleRegistrationRepository  *self,
               EscaleRegistration            *registration,
               EscaleRegistrationStatus       status,
               GPtrArray                    **promoted,
               GError                       **error)
{
  EscaleRegistrationStatus from = escale_registration_get_status (registration);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = now_in_seconds ();

  if (!escale_registration_status_can_change (from, status))
    {
      g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_TRANSITION,
                   /* Translators: a name, then two statuses such as “Waitlisted” and “Attended” */
                   _("The registration of %s cannot go from “%s” to “%s”"),
                   escale_registration_get_participant_name (registration),
                   escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, from),
                   escale_choice_get_label (ESCALE_TYPE_REGISTRATION_STATUS, status));
      return FALSE;
    }

  if (!_escale_registration_write_status (self, registration, status, NULL, now, error) ||
      !promote_within (self, escale_registration_get_event_id (registration), now, found, error))
    return FALSE;

  if (promoted != NULL)
    *promoted = g_steal_pointer (&found);
  return TRUE;
}

/**
 * escale_registration_repository_cancel:
 * @promoted: (out) (optional) (transfer full) (element-type EscaleRegistration):
 *   who got the freed seats
 *
 * Cancels a participant's registration or place on the waitlist; the seats
 * it frees go to the waitlist at once.
 */
gboolean
escale_registration_repository_cancel (EscaleRegistrationRepository  *self,
                                       gint64                         event_id,
                                       gint64                         participant_id,
                                       GPtrArray                    **promoted,
                                       GError                       **error)
{
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), FALSE);

  if (!escale_database_begin (self->database, error))
    return FALSE;

  registration = read_one (self, "WHERE r.event_id = ? AND r.participant_id = ?", event_id, participant_id,
                           &local_error);
  if (registration == NULL || escale_registration_get_status (registration) == ESCALE_REGISTRATION_STATUS_CANCELLED)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ESCALE_REGISTRATION_ERROR, ESCALE_REGISTRATION_ERROR_NOT_REGISTERED,
                     _("Participant %lld is not registered for event %lld"),
                     (long long) participant_id, (long long) event_id);
      return _escale_registration_finish (self, FALSE, NULL);
    }

  return _escale_registration_finish (self, change_status (self, registration, ESCALE_REGISTRATION_STATUS_CANCELLED, promoted, error),
                 error);
}

/**
 * escale_registration_repository_set_status:
 * @promoted: (out) (optional) (transfer full) (element-type EscaleRegistration):
 *   who got seats this change freed
 *
 * Confirms, cancels, or records attendance for one registration; see
 * escale_registration_status_can_change() for what is allowed.
 */
gboolean
escale_registration_repository_set_status (EscaleRegistrationRepository  *self,
                                           gint64                         registration_id,
                                           EscaleRegistrationStatus       status,
                                           GPtrArray                    **promoted,
                                           GError                       **error)
{
  g_autoptr(EscaleRegistration) registration = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), FALSE);

  if (!escale_database_begin (self->database, error))
    return FALSE;

  registration = read_one (self, "WHERE r.id = ?", registration_id, 0, &local_error);
  if (registration == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                     _("There is no registration number %lld"), (long long) registration_id);
      return _escale_registration_finish (self, FALSE, NULL);
    }

  return _escale_registration_finish (self, change_status (self, registration, status, promoted, error), error);
}

/**
 * escale_registration_repository_promote:
 * @promoted: (out) (optional) (transfer full) (element-type EscaleRegistration):
 *   who got a seat
 *
 * Gives free seats to the waitlist: after the event's capacity grew.
 */
gboolean
escale_registration_repository_promote (EscaleRegistrationRepository  *self,
                                        gint64                         event_id,
                                        GPtrArray                    **promoted,
                                        GError                       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), FALSE);

  if (!escale_database_begin (self->database, error) ||
      !_escale_registration_finish (self, promote_within (self, event_id, now_in_seconds (), found, error), error))
    return FALSE;

  if (promoted != NULL)
    *promoted = g_steal_pointer (&found);
  return TRUE;
}

/**
 * escale_registration_repository_list:
 *
 * Returns: (transfer full) (element-type EscaleRegistration): those who
 *   hold seats by name, then the waitlist in order, then cancellations
 */
GPtrArray *
escale_registration_repository_list (EscaleRegistrationRepository  *self,
                                     gint64                         event_id,
                                     GError                       **error)
{
  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), NULL);

  return _escale_registration_read_all (self,
                             "WHERE r.event_id = ? "
                             "ORDER BY CASE WHEN r." ESCALE_HOLDS_SEATS_SQL " THEN 0 WHEN r.status = 'waitlisted' THEN 1 ELSE 2 END, "
                             "CASE WHEN r.status = 'waitlisted' THEN r.waitlisted_at END, "
                             "p.sort_key, r.id",
                             event_id, 0, error);
}

/**
 * escale_registration_repository_find:
 *
 * Returns: (transfer full) (nullable): the participant's registration for
 *   the event, cancelled or not; %NULL without an error when there is none
 */
EscaleRegistration *
escale_registration_repository_find (EscaleRegistrationRepository  *self,
                                     gint64                         event_id,
                                     gint64                         participant_id,
                                     GError                       **error)
{
  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), NULL);

  return read_one (self, "WHERE r.event_id = ? AND r.participant_id = ?", event_id, participant_id, error);
}

gboolean
escale_registration_repository_get_fill (EscaleRegistrationRepository  *self,
                                         gint64                         event_id,
                                         EscaleEventFill               *fill,
                                         GError                       **error)
{
  g_return_val_if_fail (ESCALE_IS_REGISTRATION_REPOSITORY (self), FALSE);
  g_return_val_if_fail (fill != NULL, FALSE);

  return read_fill (self, event_id, fill, error);
}

static void
escale_registration_repository_finalize (GObject *object)
{
  EscaleRegistrationRepository *self = (EscaleRegistrationRepository *)object;

  g_clear_object (&self->participants);
  g_clear_object (&self->database);
  g_clear_object (&self->regions);

  G_OBJECT_CLASS (escale_registration_repository_parent_class)->finalize (object);
}

static void
escale_registration_repository_class_init (EscaleRegistrationRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_registration_repository_finalize;

  /**
   * EscaleRegistrationRepository::changed:
   *
   * Registrations changed: fill levels and lists are out of date.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
escale_registration_repository_init (EscaleRegistrationRepository *self)
{
}

/**
 * escale_registration_repository_new:
 * @participants: where the participants' files are, for their consent and
 *   the events' rules
 * @regions: the list of EscaleRegion, for the rules about regions
 */
EscaleRegistrationRepository *
escale_registration_repository_new (EscaleParticipantRepository *participants,
                                    GListModel                  *regions)
{
  EscaleRegistrationRepository *self;

  g_return_val_if_fail (ESCALE_IS_PARTICIPANT_REPOSITORY (participants), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (regions), NULL);

  self = g_object_new (ESCALE_TYPE_REGISTRATION_REPOSITORY, NULL);
  self->participants = g_object_ref (participants);
  self->database = g_object_ref (escale_participant_repository_get_database (participants));
  self->regions = g_object_ref (regions);
  return self;
}
