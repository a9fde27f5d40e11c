/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "escale-audit-log.h"
#include "escale-calendar-date.h"
#include "escale-database-private.h"
#include "escale-partner-private.h"
#include "escale-partner-repository.h"
#include "escale-search-text.h"
#include "escale-validation.h"

#define ENTITY "organization"

/* Owns the live list of partners that every view binds to. Each change is
 * one transaction with its audit entry; only once it is committed does the
 * list change, by replacing the saved object, so that filters and sorters
 * see the new version through items-changed. */
struct _EscalePartnerRepository
{
  GObject                 parent_instance;

  /* Owned */
  EscaleDatabase         *database;
  EscaleRegionRepository *regions;
  GListStore             *partners;
  GHashTable             *by_id;
};

G_DEFINE_FINAL_TYPE (EscalePartnerRepository, escale_partner_repository, G_TYPE_OBJECT)

/* Ids given by SQLite inside a transaction reach the objects only after the
 * commit: a failed save leaves the editor's objects as they were. */
typedef struct
{
  GObject *object;
  gint64   id;
} PendingId;

static void
pending_id_clear (gpointer data)
{
  PendingId *pending = data;

  g_clear_object (&pending->object);
}

static GArray *
pending_ids_new (void)
{
  GArray *pending = g_array_new (FALSE, FALSE, sizeof (PendingId));

  g_array_set_clear_func (pending, pending_id_clear);
  return pending;
}

static void
pending_ids_add (GArray  *pending,
                 gpointer object,
                 gint64   id)
{
  PendingId item = { g_object_ref (object), id };

  g_array_append_val (pending, item);
}

static void
pending_ids_apply (GArray *pending)
{
  for (guint i = 0; i < pending->len; i++)
    {
      PendingId *item = &g_array_index (pending, PendingId, i);

      g_object_set (item->object, "id", item->id, NULL);
    }
}

static gint64
now_in_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
update_search_key (EscalePartnerRepository *self,
                   EscalePartner           *partner)
{
  g_autoptr(GString) text = g_string_new (NULL);
  EscaleRegion *region;
  GListModel *contacts;
  guint n;

  region = escale_region_repository_lookup (self->regions, escale_partner_get_region_code (partner));

  g_string_append_printf (text, "%s\n%s\n%s\n%s\n%s\n",
                          escale_partner_get_name (partner),
                          escale_partner_get_city (partner) ? escale_partner_get_city (partner) : "",
                          region != NULL ? escale_region_get_name (region) : "",
                          escale_partner_kind_get_label (escale_partner_get_kind (partner)),
                          escale_partner_get_tags (partner) ? escale_partner_get_tags (partner) : "");

  contacts = escale_partner_get_contacts (partner);
  n = g_list_model_get_n_items (contacts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (contacts, i);

      g_string_append_printf (text, "%s\n", escale_contact_get_name (contact));
    }

  _escale_partner_set_search_key (partner, escale_search_fold (text->str));
}

static EscalePartner *
partner_from_row (sqlite3_stmt *stmt)
{
  EscalePartner *partner = escale_partner_new ();
  EscalePartnerKind kind = ESCALE_PARTNER_KIND_OTHER;

  escale_partner_kind_from_string (_escale_column_text (stmt, 2), &kind);

  g_object_set (partner,
                "id", sqlite3_column_int64 (stmt, 0),
                "name", _escale_column_text (stmt, 1),
                "kind", kind,
                "region-code", _escale_column_text (stmt, 3),
                "address", _escale_column_text (stmt, 4),
                "city", _escale_column_text (stmt, 5),
                "postal-code", _escale_column_text (stmt, 6),
                "website", _escale_column_text (stmt, 9),
                "phone", _escale_column_text (stmt, 10),
                "email", _escale_column_text (stmt, 11),
                "notes", _escale_column_text (stmt, 12),
                "tags", _escale_column_text (stmt, 13),
                "archived", sqlite3_column_int (stmt, 14) != 0,
                NULL);

  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    escale_partner_set_coordinates (partner, sqlite3_column_double (stmt, 7), sqlite3_column_double (stmt, 8));

  _escale_partner_set_timestamps (partner, sqlite3_column_int64 (stmt, 15), sqlite3_column_int64 (stmt, 16));

  return partner;
}

static gboolean
load_contacts (EscalePartnerRepository  *self,
               GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _escale_database_prepare (self->database,
                                   "SELECT id, organization_id, name, role, email, phone "
                                   "FROM contact ORDER BY organization_id, id",
                                   error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscalePartner *partner = g_hash_table_lookup (self->by_id, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 1)));
      g_autoptr(EscaleContact) contact = NULL;

      g_assert (partner != NULL);
      contact = g_object_new (ESCALE_TYPE_CONTACT,
                              "id", sqlite3_column_int64 (stmt, 0),
                              "name", _escale_column_text (stmt, 2),
                              "role", _escale_column_text (stmt, 3),
                              "email", _escale_column_text (stmt, 4),
                              "phone", _escale_column_text (stmt, 5),
                              NULL);
      escale_partner_add_contact (partner, contact);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_interactions (EscalePartnerRepository  *self,
                   GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _escale_database_prepare (self->database,
                                   "SELECT id, organization_id, contact_id, occurred_on, channel, summary, "
                                   "next_step, due_on, done FROM interaction "
                                   "ORDER BY organization_id, occurred_on DESC, id DESC",
                                   error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscalePartner *partner = g_hash_table_lookup (self->by_id, GINT_TO_POINTER (sqlite3_column_int64 (stmt, 1)));
      EscaleInteractionChannel channel = ESCALE_INTERACTION_CHANNEL_OTHER;
      g_autoptr(EscaleInteraction) interaction = NULL;

      g_assert (partner != NULL);
      escale_interaction_channel_from_string (_escale_column_text (stmt, 4), &channel);
      interaction = g_object_new (ESCALE_TYPE_INTERACTION,
                                  "id", sqlite3_column_int64 (stmt, 0),
                                  "contact-id", sqlite3_column_int64 (stmt, 2),
                                  "occurred-on", _escale_column_text (stmt, 3),
                                  "channel", channel,
                                  "summary", _escale_column_text (stmt, 5),
                                  "next-step", _escale_column_text (stmt, 6),
                                  "due-on", _escale_column_text (stmt, 7),
                                  "done", sqlite3_column_int (stmt, 8) != 0,
                                  NULL);
      escale_partner_add_interaction (partner, interaction);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_all (EscalePartnerRepository  *self,
          GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = _escale_database_prepare (self->database,
                                   "SELECT id, name, kind, region_code, address, city, postal_code, latitude, "
                                   "longitude, website, phone, email, notes, tags, archived, created_at, updated_at "
                                   "FROM organization ORDER BY id",
                                   error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EscalePartner *partner = partner_from_row (stmt);

      g_ptr_array_add (loaded, partner);
      g_hash_table_insert (self->by_id, GINT_TO_POINTER (escale_partner_get_id (partner)), partner);
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return FALSE;
    }

  if (!load_contacts (self, error) || !load_interactions (self, error))
    return FALSE;

  for (guint i = 0; i < loaded->len; i++)
    update_search_key (self, g_ptr_array_index (loaded, i));

  g_list_store_splice (self->partners, 0, 0, loaded->pdata, loaded->len);
  return TRUE;
}

static gboolean
check_interactions (EscalePartner  *partner,
                    GError        **error)
{
  GListModel *interactions = escale_partner_get_interactions (partner);
  guint n = g_list_model_get_n_items (interactions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (interactions, i);
      const char *due_on = escale_interaction_get_due_on (interaction);
      const char *summary = escale_interaction_get_summary (interaction);
      g_autofree char *trimmed_summary = escale_normalize_text (summary);
      GDate date;

      if (!escale_calendar_date_parse (escale_interaction_get_occurred_on (interaction), &date))
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Interaction %u: enter the date it took place"), i + 1);
          return FALSE;
        }
      if (trimmed_summary == NULL)
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Interaction of %s: enter a summary"), escale_interaction_get_occurred_on (interaction));
          return FALSE;
        }
      if (due_on != NULL && !escale_calendar_date_parse (due_on, &date))
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Interaction of %s: the due date “%s” is not a date"),
                       escale_interaction_get_occurred_on (interaction), due_on);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_partner (EscalePartnerRepository  *self,
               EscalePartner            *partner,
               GError                  **error)
{
  GListModel *contacts = escale_partner_get_contacts (partner);
  g_autofree char *name = escale_normalize_text (escale_partner_get_name (partner));
  const char *region_code = escale_partner_get_region_code (partner);
  guint n = g_list_model_get_n_items (contacts);

  /* Blank counts as empty, as the schema's CHECKs say. */
  if (name == NULL)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("Name: enter the organisation’s name"));
      return FALSE;
    }

  if (region_code != NULL && escale_region_repository_lookup (self->regions, region_code) == NULL)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                   _("Region: “%s” is not a region code (01 to 17)"), region_code);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *contact_name = escale_normalize_text (escale_contact_get_name (contact));

      if (contact_name == NULL)
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_CONSTRAINT,
                       _("Contact %u: enter the person’s name"), i + 1);
          return FALSE;
        }
    }

  return check_interactions (partner, error);
}

/* With @restoring, rows are written back under the ids they had. */
static gboolean
write_partner_row (EscalePartnerRepository  *self,
                   EscalePartner            *partner,
                   gboolean                  insert,
                   gboolean                  restoring,
                   gint64                    now,
                   gint64                   *id,
                   GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double latitude, longitude;
  gboolean has_coordinates;

  if (insert)
    stmt = _escale_database_prepare (self->database,
                                     "INSERT INTO organization (name, kind, region_code, address, city, "
                                     "postal_code, latitude, longitude, website, phone, email, notes, tags, "
                                     "archived, updated_at, id, created_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
                                     "RETURNING id",
                                     error);
  else
    stmt = _escale_database_prepare (self->database,
                                     "UPDATE organization SET name = ?1, kind = ?2, region_code = ?3, "
                                     "address = ?4, city = ?5, postal_code = ?6, latitude = ?7, longitude = ?8, "
                                     "website = ?9, phone = ?10, email = ?11, notes = ?12, tags = ?13, "
                                     "archived = ?14, updated_at = ?15 WHERE id = ?16 RETURNING id",
                                     error);
  if (stmt == NULL)
    return FALSE;

  has_coordinates = escale_partner_get_coordinates (partner, &latitude, &longitude);

  _escale_bind_text (stmt, 1, escale_partner_get_name (partner));
  _escale_bind_text (stmt, 2, escale_partner_kind_to_string (escale_partner_get_kind (partner)));
  _escale_bind_text (stmt, 3, escale_partner_get_region_code (partner));
  _escale_bind_text (stmt, 4, escale_partner_get_address (partner));
  _escale_bind_text (stmt, 5, escale_partner_get_city (partner));
  _escale_bind_text (stmt, 6, escale_partner_get_postal_code (partner));
  if (has_coordinates)
    {
      sqlite3_bind_double (stmt, 7, latitude);
      sqlite3_bind_double (stmt, 8, longitude);
    }
  _escale_bind_text (stmt, 9, escale_partner_get_website (partner));
  _escale_bind_text (stmt, 10, escale_partner_get_phone (partner));
  _escale_bind_text (stmt, 11, escale_partner_get_email (partner));
  _escale_bind_text (stmt, 12, escale_partner_get_notes (partner));
  _escale_bind_text (stmt, 13, escale_partner_get_tags (partner));
  sqlite3_bind_int (stmt, 14, escale_partner_get_archived (partner));
  sqlite3_bind_int64 (stmt, 15, now);
  if (!insert || restoring)
    sqlite3_bind_int64 (stmt, 16, escale_partner_get_id (partner));
  if (insert)
    sqlite3_bind_int64 (stmt, 17, restoring ? escale_partner_get_created_at (partner) : now);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    case SQLITE_DONE:
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("“%s” no longer exists; it was deleted in the meantime"), escale_partner_get_name (partner));
      return FALSE;
    default:
      _escale_database_set_error (self->database, error);
      return FALSE;
    }
}

/* Deletes the children of @partner_id whose ids are not in @kept. */
/* The ids of @table's rows that belong to @partner_id, as stored. */
static GHashTable *
load_child_ids (EscalePartnerRepository  *self,
                const char               *table,
                gint64                    partner_id,
                GError                  **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE organization_id = ?", table);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) select = _escale_database_prepare (self->database, sql, error);
  int rc;

  if (select == NULL)
    return NULL;

  sqlite3_bind_int64 (select, 1, partner_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* An edited contact or interaction must still be stored: if another window
 * (or escale-cli) removed it meanwhile, saving would show a row that is no
 * longer on disk. */
static gboolean
claim_stored_child (GHashTable     *stored,
                    gint64          id,
                    EscalePartner  *partner,
                    GError        **error)
{
  if (g_hash_table_remove (stored, &id))
    return TRUE;

  g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
               _("“%s” was changed elsewhere in the meantime; close it and open it again"),
               escale_partner_get_name (partner));
  return FALSE;
}

/* Deletes the rows of @table left in @stored: those the user removed. */
static gboolean
delete_removed_children (EscalePartnerRepository  *self,
                         const char               *table,
                         GHashTable               *stored,
                         gboolean                 *changed,
                         GError                  **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr(sqlite3_stmt) delete = _escale_database_prepare (self->database, sql, error);
  GHashTableIter iter;
  gint64 *id;

  if (delete == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      sqlite3_reset (delete);
      sqlite3_bind_int64 (delete, 1, *id);
      if (!_escale_database_step_done (self->database, delete, error))
        return FALSE;
      *changed = TRUE;
    }

  return TRUE;
}

/* Runs a bound INSERT … RETURNING id or UPDATE of one contact or
 * interaction; a new id is applied to @child after the commit. */
static gboolean
write_child (EscalePartnerRepository  *self,
             sqlite3_stmt             *stmt,
             gpointer                  child,
             gboolean                  is_new,
             GArray                   *pending,
             gboolean                 *changed,
             GError                  **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      pending_ids_add (pending, child, sqlite3_column_int64 (stmt, 0));
    }
  else if (rc != SQLITE_DONE)
    {
      _escale_database_set_error (self->database, error);
      return FALSE;
    }

  *changed |= is_new || sqlite3_changes (_escale_database_get_handle (self->database)) > 0;

  return TRUE;
}

static gboolean
write_contacts (EscalePartnerRepository  *self,
                EscalePartner            *partner,
                gint64                    partner_id,
                gboolean                  restoring,
                gint64                    now,
                GArray                   *pending,
                gboolean                 *changed,
                GError                  **error)
{
  GListModel *contacts = escale_partner_get_contacts (partner);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  guint n = g_list_model_get_n_items (contacts);

  insert = _escale_database_prepare (self->database,
                                     "INSERT INTO contact (id, organization_id, name, role, email, phone, "
                                     "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
                                     error);
  /* Only a real change touches the row, so that updated_at stays honest. */
  update = _escale_database_prepare (self->database,
                                     "UPDATE contact SET name = ?3, role = ?4, email = ?5, phone = ?6, updated_at = ?7 "
                                     "WHERE id = ?1 AND organization_id = ?2 AND "
                                     "(name IS NOT ?3 OR role IS NOT ?4 OR email IS NOT ?5 OR phone IS NOT ?6)",
                                     error);
  if (insert == NULL || update == NULL)
    return FALSE;
  stored = load_child_ids (self, "contact", partner_id, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleContact) contact = g_list_model_get_item (contacts, i);
      gint64 id = escale_contact_get_id (contact);
      gboolean is_new = (id == 0 || restoring);
      sqlite3_stmt *stmt = is_new ? insert : update;

      if (!is_new && !claim_stored_child (stored, id, partner, error))
        return FALSE;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (id != 0)
        sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, partner_id);
      _escale_bind_text (stmt, 3, escale_contact_get_name (contact));
      _escale_bind_text (stmt, 4, escale_contact_get_role (contact));
      _escale_bind_text (stmt, 5, escale_contact_get_email (contact));
      _escale_bind_text (stmt, 6, escale_contact_get_phone (contact));
      sqlite3_bind_int64 (stmt, 7, now);

      if (!write_child (self, stmt, contact, is_new, pending, changed, error))
        return FALSE;
    }

  return delete_removed_children (self, "contact", stored, changed, error);
}

static gboolean
write_interactions (EscalePartnerRepository  *self,
                    EscalePartner            *partner,
                    gint64                    partner_id,
                    gboolean                  restoring,
                    gint64                    now,
                    GArray                   *pending,
                    gboolean                 *changed,
                    GError                  **error)
{
  GListModel *interactions = escale_partner_get_interactions (partner);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  guint n = g_list_model_get_n_items (interactions);

  insert = _escale_database_prepare (self->database,
                                     "INSERT INTO interaction (id, organization_id, contact_id, occurred_on, "
                                     "channel, summary, next_step, due_on, done, created_at, updated_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id",
                                     error);
  update = _escale_database_prepare (self->database,
                                     "UPDATE interaction SET contact_id = ?3, occurred_on = ?4, channel = ?5, "
                                     "summary = ?6, next_step = ?7, due_on = ?8, done = ?9, updated_at = ?10 "
                                     "WHERE id = ?1 AND organization_id = ?2 AND "
                                     "(contact_id IS NOT ?3 OR occurred_on IS NOT ?4 OR channel IS NOT ?5 OR "
                                     "summary IS NOT ?6 OR next_step IS NOT ?7 OR due_on IS NOT ?8 OR done IS NOT ?9)",
                                     error);
  if (insert == NULL || update == NULL)
    return FALSE;
  stored = load_child_ids (self, "interaction", partner_id, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EscaleInteraction) interaction = g_list_model_get_item (interactions, i);
      gint64 id = escale_interaction_get_id (interaction);
      gint64 contact_id = escale_interaction_get_contact_id (interaction);
      gboolean is_new = (id == 0 || restoring);
      sqlite3_stmt *stmt = is_new ? insert : update;

      if (!is_new && !claim_stored_child (stored, id, partner, error))
        return FALSE;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (id != 0)
        sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, partner_id);
      if (contact_id != 0)
        sqlite3_bind_int64 (stmt, 3, contact_id);
      _escale_bind_text (stmt, 4, escale_interaction_get_occurred_on (interaction));
      _escale_bind_text (stmt, 5, escale_interaction_channel_to_string (escale_interaction_get_channel (interaction)));
      _escale_bind_text (stmt, 6, escale_interaction_get_summary (interaction));
      _escale_bind_text (stmt, 7, escale_interaction_get_next_step (interaction));
      _escale_bind_text (stmt, 8, escale_interaction_get_due_on (interaction));
      sqlite3_bind_int (stmt, 9, escale_interaction_get_done (interaction));
      sqlite3_bind_int64 (stmt, 10, now);

      if (!write_child (self, stmt, interaction, is_new, pending, changed, error))
        return FALSE;
    }

  return delete_removed_children (self, "interaction", stored, changed, error);
}

static char *
describe_update (EscalePartner *before,
                 EscalePartner *after,
                 gboolean       contacts_changed,
                 gboolean       interactions_changed)
{
  g_autofree char *fields = escale_audit_describe_changes (G_OBJECT (before), G_OBJECT (after));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (fields != NULL)
    g_strv_builder_add (builder, fields);
  if (contacts_changed)
    g_strv_builder_add (builder, "contacts");
  if (interactions_changed)
    g_strv_builder_add (builder, "interactions");

  parts = g_strv_builder_end (builder);
  return parts[0] != NULL ? g_strjoinv (", ", parts) : NULL;
}

/* Writes one partner inside the caller's transaction. */
static gboolean
write_partner (EscalePartnerRepository  *self,
               EscalePartner            *partner,
               gboolean                  restoring,
               gint64                    now,
               GArray                   *pending,
               GError                  **error)
{
  EscalePartner *saved = NULL;
  gboolean contacts_changed = FALSE;
  gboolean interactions_changed = FALSE;
  g_autofree char *details = NULL;
  const char *action;
  gint64 id = 0;

  if (!restoring && escale_partner_get_id (partner) != 0)
    {
      saved = escale_partner_repository_find (self, escale_partner_get_id (partner));
      if (saved == NULL)
        {
          g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                       _("“%s” no longer exists; it was deleted in the meantime"),
                       escale_partner_get_name (partner));
          return FALSE;
        }
    }

  if (!write_partner_row (self, partner, saved == NULL, restoring, now, &id, error) ||
      !write_contacts (self, partner, id, restoring, now, pending, &contacts_changed, error) ||
      !write_interactions (self, partner, id, restoring, now, pending, &interactions_changed, error))
    return FALSE;

  if (restoring)
    action = "restore";
  else if (saved == NULL)
    action = "create";
  else
    {
      action = "update";
      details = describe_update (saved, partner, contacts_changed, interactions_changed);
    }

  if (!escale_audit_log_record (self->database, ENTITY, id, action, details, error))
    return FALSE;

  pending_ids_add (pending, partner, id);
  return TRUE;
}

static gboolean
find_position (EscalePartnerRepository *self,
               gint64                   id,
               guint                   *position)
{
  EscalePartner *current = escale_partner_repository_find (self, id);

  return current != NULL && g_list_store_find (self->partners, current, position);
}

/* The list keeps the order of creation, that is of ids: a new partner goes
 * at the end, a restored one back where it was. */
static guint
position_for_id (EscalePartnerRepository *self,
                 gint64                   id)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (G_LIST_MODEL (self->partners));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(EscalePartner) partner = g_list_model_get_item (G_LIST_MODEL (self->partners), middle);

      if (escale_partner_get_id (partner) < id)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Makes @partner the version every view shows, once it is committed. */
static void
publish (EscalePartnerRepository *self,
         EscalePartner           *partner,
         gint64                   now,
         gboolean                 is_new)
{
  guint position;

  if (is_new)
    _escale_partner_set_timestamps (partner, now, now);
  else
    _escale_partner_set_timestamps (partner, escale_partner_get_created_at (partner), now);
  update_search_key (self, partner);

  if (find_position (self, escale_partner_get_id (partner), &position))
    {
      g_hash_table_insert (self->by_id, GINT_TO_POINTER (escale_partner_get_id (partner)), partner);
      g_list_store_splice (self->partners, position, 1, (gpointer *) &partner, 1);
    }
  else
    {
      g_hash_table_insert (self->by_id, GINT_TO_POINTER (escale_partner_get_id (partner)), partner);
      g_list_store_insert (self->partners, position_for_id (self, escale_partner_get_id (partner)), partner);
    }
}

static gboolean
save_partners (EscalePartnerRepository  *self,
               EscalePartner           **partners,
               guint                     n_partners,
               gboolean                  restoring,
               GError                  **error)
{
  g_autoptr(GArray) pending = pending_ids_new ();
  g_autofree gboolean *is_new = g_new0 (gboolean, n_partners);
  gint64 now = now_in_seconds ();

  for (guint i = 0; i < n_partners; i++)
    {
      if (!check_partner (self, partners[i], error))
        return FALSE;
      is_new[i] = restoring || escale_partner_get_id (partners[i]) == 0;
    }

  if (!escale_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < n_partners; i++)
    {
      if (!write_partner (self, partners[i], restoring, now, pending, error))
        {
          escale_database_rollback (self->database);
          return FALSE;
        }
    }

  if (!escale_database_commit (self->database, error))
    {
      escale_database_rollback (self->database);
      return FALSE;
    }

  pending_ids_apply (pending);

  for (guint i = 0; i < n_partners; i++)
    publish (self, partners[i], now, is_new[i] && !restoring);

  return TRUE;
}

static void
escale_partner_repository_finalize (GObject *object)
{
  EscalePartnerRepository *self = (EscalePartnerRepository *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->partners);
  g_clear_object (&self->regions);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (escale_partner_repository_parent_class)->finalize (object);
}

static void
escale_partner_repository_class_init (EscalePartnerRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = escale_partner_repository_finalize;
}

static void
escale_partner_repository_init (EscalePartnerRepository *self)
{
  self->partners = g_list_store_new (ESCALE_TYPE_PARTNER);
  /* Borrowed pointers: the list store owns the partners. */
  self->by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
}

/**
 * escale_partner_repository_new:
 *
 * Loads every partner with its contacts and interactions.
 *
 * Returns: (transfer full): the repository, or %NULL with @error set
 */
EscalePartnerRepository *
escale_partner_repository_new (EscaleDatabase          *database,
                               EscaleRegionRepository  *regions,
                               GError                 **error)
{
  g_autoptr(EscalePartnerRepository) self = NULL;

  g_return_val_if_fail (ESCALE_IS_DATABASE (database), NULL);
  g_return_val_if_fail (ESCALE_IS_REGION_REPOSITORY (regions), NULL);

  self = g_object_new (ESCALE_TYPE_PARTNER_REPOSITORY, NULL);
  self->database = g_object_ref (database);
  self->regions = g_object_ref (regions);

  if (!load_all (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * escale_partner_repository_get_partners:
 *
 * Returns: (transfer none): the live list of every #EscalePartner, archived
 *   ones included, in the order they were created
 */
GListModel *
escale_partner_repository_get_partners (EscalePartnerRepository *self)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (self), NULL);

  return G_LIST_MODEL (self->partners);
}

/**
 * escale_partner_repository_find:
 *
 * Returns: (transfer none) (nullable): the saved partner with this id
 */
EscalePartner *
escale_partner_repository_find (EscalePartnerRepository *self,
                                gint64                   id)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (self), NULL);

  return g_hash_table_lookup (self->by_id, GINT_TO_POINTER (id));
}

/**
 * escale_partner_repository_save:
 * @partner: a new partner, or a copy of a saved one with changes
 *
 * Creates or updates @partner with its contacts and interactions in one
 * transaction. On success @partner and its children receive their ids and
 * @partner replaces the saved version in the live list; on failure nothing
 * is written and @partner is unchanged.
 */
gboolean
escale_partner_repository_save (EscalePartnerRepository  *self,
                                EscalePartner            *partner,
                                GError                  **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTNER (partner), FALSE);

  return save_partners (self, &partner, 1, FALSE, error);
}

/**
 * escale_partner_repository_save_many:
 * @partners: (element-type EscalePartner): partners to create or update
 *
 * Saves @partners in a single transaction: all of them or none.
 */
gboolean
escale_partner_repository_save_many (EscalePartnerRepository  *self,
                                     GPtrArray                *partners,
                                     GError                  **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (partners != NULL, FALSE);

  return save_partners (self, (EscalePartner **) partners->pdata, partners->len, FALSE, error);
}

/**
 * escale_partner_repository_set_archived:
 *
 * Archived partners leave the everyday list but keep their history.
 */
gboolean
escale_partner_repository_set_archived (EscalePartnerRepository  *self,
                                        EscalePartner            *partner,
                                        gboolean                  archived,
                                        GError                  **error)
{
  g_autoptr(EscalePartner) copy = NULL;

  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTNER (partner), FALSE);

  if (escale_partner_get_archived (partner) == !!archived)
    return TRUE;

  copy = escale_partner_copy (partner);
  g_object_set (copy, "archived", !!archived, NULL);

  return save_partners (self, &copy, 1, FALSE, error);
}

/**
 * escale_partner_repository_delete:
 *
 * Deletes @partner with its contacts and interactions. @partner keeps its
 * values and ids, so that escale_partner_repository_restore() can undo.
 */
gboolean
escale_partner_repository_delete (EscalePartnerRepository  *self,
                                  EscalePartner            *partner,
                                  GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;
  guint position;

  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTNER (partner), FALSE);

  id = escale_partner_get_id (partner);

  if (!escale_database_begin (self->database, error))
    return FALSE;

  stmt = _escale_database_prepare (self->database, "DELETE FROM organization WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_escale_database_step_done (self->database, stmt, error))
    goto failed;

  if (sqlite3_changes (_escale_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, ESCALE_STORE_ERROR, ESCALE_STORE_ERROR_NOT_FOUND,
                   _("“%s” no longer exists; it was deleted in the meantime"), escale_partner_get_name (partner));
      goto failed;
    }

  if (!escale_audit_log_record (self->database, ENTITY, id, "delete", NULL, error) ||
      !escale_database_commit (self->database, error))
    goto failed;

  if (find_position (self, id, &position))
    g_list_store_remove (self->partners, position);
  g_hash_table_remove (self->by_id, GINT_TO_POINTER (id));

  return TRUE;

failed:
  escale_database_rollback (self->database);
  return FALSE;
}

/**
 * escale_partner_repository_restore:
 * @partner: a partner returned to escale_partner_repository_delete()
 *
 * Undoes a deletion: the partner, its contacts and its interactions come
 * back with their ids, so links to them stay valid.
 */
gboolean
escale_partner_repository_restore (EscalePartnerRepository  *self,
                                   EscalePartner            *partner,
                                   GError                  **error)
{
  g_return_val_if_fail (ESCALE_IS_PARTNER_REPOSITORY (self), FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (escale_partner_get_id (partner) != 0, FALSE);
  g_return_val_if_fail (escale_partner_repository_find (self, escale_partner_get_id (partner)) == NULL, FALSE);

  return save_partners (self, &partner, 1, TRUE, error);
}
