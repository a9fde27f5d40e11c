/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-reports"

#include "config.h"

#include <string.h>

#include "escale-event-documents.h"

/* What the documents print besides the event, read the same way for the
 * print dialog and for escale-cli: the registrations, the names of the
 * partners the itinerary and the event name, and the phones of those
 * registered, no more. */

static void
add_partner_name (GHashTable              *names,
                  EscalePartnerRepository *partners,
                  gint64                   id)
{
  EscalePartner *partner = id != 0 ? escale_partner_repository_find (partners, id) : NULL;

  if (partner != NULL)
    g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (escale_partner_get_name (partner)));
}

/**
 * escale_event_document_data_gather:
 * @data: (out caller-allocates): filled with what it owns; free with
 *   escale_event_document_data_clear()
 * @event: the event, loaded with its stops, vehicles and tasks
 *
 * Returns: whether the registrations and the participants could be read
 */
gboolean
escale_event_document_data_gather (EscaleEventDocumentData       *data,
                                   EscaleEvent                   *event,
                                   EscaleRegistrationRepository  *registrations,
                                   EscaleParticipantRepository   *participants,
                                   EscalePartnerRepository       *partners,
                                   GError                       **error)
{
  g_autoptr(GArray) participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) summaries = NULL;
  GListModel *stops;
  const gint64 *partner_ids;
  guint n_partner_ids;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_EVENT (event), FALSE);

  memset (data, 0, sizeof *data);
  data->registrations = escale_registration_repository_list (registrations, escale_event_get_id (event), error);
  if (data->registrations == NULL)
    return FALSE;

  for (guint i = 0; i < data->registrations->len; i++)
    {
      gint64 id = escale_registration_get_participant_id (g_ptr_array_index (data->registrations, i));

      g_array_append_val (participant_ids, id);
    }
  summaries = escale_participant_repository_summarize (participants, (const gint64 *) participant_ids->data,
                                                       participant_ids->len, error);
  if (summaries == NULL)
    {
      g_clear_pointer (&data->registrations, g_ptr_array_unref);
      return FALSE;
    }

  data->event = g_object_ref (event);
  data->participant_phones = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < summaries->len; i++)
    {
      EscaleParticipantSummary *summary = g_ptr_array_index (summaries, i);
      const char *phone = escale_participant_summary_get_phone (summary);
      gint64 id = escale_participant_summary_get_id (summary);

      if (phone != NULL)
        g_hash_table_insert (data->participant_phones, g_memdup2 (&id, sizeof id), g_strdup (phone));
    }

  data->partner_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stops = escale_event_get_stops (event);
  for (guint i = 0; i < g_list_model_get_n_items (stops); i++)
    {
      g_autoptr(EscaleItineraryStop) stop = g_list_model_get_item (stops, i);

      add_partner_name (data->partner_names, partners, escale_itinerary_stop_get_organization_id (stop));
    }
  partner_ids = escale_event_get_partner_ids (event, &n_partner_ids);
  for (guint i = 0; i < n_partner_ids; i++)
    add_partner_name (data->partner_names, partners, partner_ids[i]);

  return TRUE;
}

/**
 * escale_event_document_data_clear:
 *
 * Frees what escale_event_document_data_gather() filled @data with.
 */
void
escale_event_document_data_clear (EscaleEventDocumentData *data)
{
  g_clear_object (&data->event);
  g_clear_pointer (&data->registrations, g_ptr_array_unref);
  g_clear_pointer (&data->partner_names, g_hash_table_unref);
  g_clear_pointer (&data->participant_phones, g_hash_table_unref);
}
