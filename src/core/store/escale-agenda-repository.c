/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-agenda-repository-private.h"
#include "escale-database-private.h"

/* Reads partners' agendas: the calendar of a partner and the times its
 * entries take place, for a week view and an import's report. Only the
 * .ics import writes them (escale-agenda-writer.c). */
struct _EscaleAgendaRepository
{
  GObject         parent_instance;

  /* Owned */
  EscaleDatabase *database;
};

G_DEFINE_FINAL_TYPE (EscaleAgendaRepository, escale_agenda_repository, G_TYPE_OBJECT)

GType
escale_agenda_get_type (void)
{
  static gsize type = 0;

  /* By hand: G_DEFINE_BOXED_TYPE trips -Wpedantic with this compiler. */
  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string ("EscaleAgenda"),
                                                            (GBoxedCopyFunc) escale_agenda_copy,
                                                            (GBoxedFreeFunc) escale_agenda_free));
  return type;
}
GType
escale_agenda_occurrence_get_type (void)
{
  static gsize type = 0;

  /* By hand: G_DEFINE_BOXED_TYPE trips -Wpedantic with this compiler. */
  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string ("EscaleAgendaOccurrence"),
                                                            (GBoxedCopyFunc) escale_agenda_occurrence_copy,
                                                            (GBoxedFreeFunc) escale_agenda_occurrence_free));
  return type;
}

EscaleAgenda *
escale_agenda_copy (const EscaleAgenda *agenda)
{
  EscaleAgenda *copy = g_memdup2 (agenda, sizeof *agenda);

  copy->name = g_strdup (agenda->name);
  copy->source_path = g_strdup (agenda->source_path);
  return copy;
}

void
escale_agenda_free (EscaleAgenda *agenda)
{
  if (agenda == NULL)
    return;
  g_free (agenda->name);
  g_free (agenda->source_path);
  g_free (agenda);
}

EscaleAgendaOccurrence *
escale_agenda_occurrence_copy (const EscaleAgendaOccurrence *occurrence)
{
  EscaleAgendaOccurrence *copy = g_memdup2 (occurrence, sizeof *occurrence);

  copy->uid = g_strdup (occurrence->uid);
  copy->summary = g_strdup (occurrence->summary);
  copy->location = g_strdup (occurrence->location);
  copy->status = g_strdup (occurrence->status);
  copy->tzid = g_strdup (occurrence->tzid);
  copy->problem = g_strdup (occurrence->problem);
  return copy;
}

void
escale_agenda_occurrence_free (EscaleAgendaOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;
  g_free (occurrence->uid);
  g_free (occurrence->summary);
  g_free (occurrence->location);
  g_free (occurrence->status);
  g_free (occurrence->tzid);
  g_free (occurrence->problem);
  g_free (occurrence);
}

static void
escale_agenda_repository_finalize (GObject *object)
{
  EscaleAgendaRepository *self = (EscaleAgendaRepository *) object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (escale_agenda_repository_parent_class)->finalize (object);
}

static void
escale_agenda_repository_class_init (EscaleAgendaRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = escale_agenda_repository_finalize;
}

static void
escale_agenda_repository_init (EscaleAgendaRepository *self)
{
}

EscaleAgendaRepository *
escale_agenda_repository_new (EscaleDatabase *database)
{
  EscaleAgendaRepository *self;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);

  self = g_object_new (ESCALE_TYPE_AGENDA_REPOSITORY, NULL);
  self->database = g_object_ref (database);
  return self;
}

/**
 * escale_agenda_repository_load:
 *
 * Returns: (transfer full): the agenda imported for @organization_id, or
 *   %NULL with %ESCALE_STORE_ERROR_NOT_FOUND when none was
 */
EscaleAgenda *
escale_agenda_repository_load (EscaleAgendaRepository  *self,
                               gint64                   organization_id,
                               GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  EscaleAgenda *agenda;
  int rc;

  g_return_val_if_fail (ESCALE_IS_AGENDA_REPOSITORY (self), NULL);

  stmt = _escale_database_prepare (self->database,
                                   "SELECT c.id, c.name, c.source_path, c.imported_at, "
                                   "(SELECT count(*) FROM external_event e WHERE e.calendar_id = c.id) "
                                   "FROM external_calendar c WHERE c.organization_id = ?",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, organization_id);

      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("No agenda was imported for the partner %s"), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  agenda = g_new0 (EscaleAgenda, 1);
  agenda->id = sqlite3_column_int64 (stmt, 0);
  agenda->organization_id = organization_id;
  agenda->name = g_strdup (_escale_column_text (stmt, 1));
  agenda->source_path = g_strdup (_escale_column_text (stmt, 2));
  agenda->imported_at = sqlite3_column_int64 (stmt, 3);
  agenda->n_entries = sqlite3_column_int (stmt, 4);
  return agenda;
}

/**
 * escale_agenda_repository_list_occurrences:
 * @from: unix seconds
 * @to: unix seconds
 *
 * The times the agenda of @organization_id is taken in [@from, @to),
 * overlapping ones included, in order; cancelled entries have none.
 *
 * Returns: (transfer full) (element-type EscaleAgendaOccurrence): the
 *   occurrences, empty when the partner has no agenda
 */
GPtrArray *
escale_agenda_repository_list_occurrences (EscaleAgendaRepository  *self,
                                           gint64                   organization_id,
                                           gint64                   from,
                                           gint64                   to,
                                           GError                 **error)
{
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func ((GDestroyNotify) escale_agenda_occurrence_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ESCALE_IS_AGENDA_REPOSITORY (self), NULL);

  /* starts_at < to bounds the index scan; an entry longer than a year is
   * not an appointment anyone plans around. */
  stmt = _escale_database_prepare (self->database,
                                   "SELECT o.starts_at, o.ends_at, e.uid, e.summary, e.location, e.status, e.all_day, "
                                   "e.tzid, e.problem FROM external_occurrence o "
                                   "JOIN external_event e ON e.id = o.event_id "
                                   "JOIN external_calendar c ON c.id = e.calendar_id "
                                   "WHERE c.organization_id = ?1 AND o.starts_at < ?3 AND o.starts_at >= ?2 - 366 * 86400 "
                                   "AND (o.ends_at > ?2 OR o.starts_at >= ?2) "
                                   "ORDER BY o.starts_at, o.ends_at, e.uid",
                                   error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscaleAgendaOccurrence *occurrence = g_new0 (EscaleAgendaOccurrence, 1);

      occurrence->starts_at = sqlite3_column_int64 (stmt, 0);
      occurrence->ends_at = sqlite3_column_int64 (stmt, 1);
      occurrence->uid = g_strdup (_escale_column_text (stmt, 2));
      occurrence->summary = g_strdup (_escale_column_text (stmt, 3));
      occurrence->location = g_strdup (_escale_column_text (stmt, 4));
      occurrence->status = g_strdup (_escale_column_text (stmt, 5));
      occurrence->all_day = sqlite3_column_int (stmt, 6) != 0;
      occurrence->tzid = g_strdup (_escale_column_text (stmt, 7));
      occurrence->problem = g_strdup (_escale_column_text (stmt, 8));
      g_ptr_array_add (occurrences, occurrence);
    }
  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }
  return g_steal_pointer (&occurrences);
}
