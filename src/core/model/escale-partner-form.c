/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-calendar-date.h"
#include "escale-partner-form.h"
#include "escale-validation.h"

typedef struct
{
  char     *name;
  char     *postal_code;
  char     *website;
  char     *phone;
  char     *email;
  gboolean  has_latitude;
  gboolean  has_longitude;
  double    latitude;
  double    longitude;
} PartnerValues;

static void
partner_values_clear (PartnerValues *values)
{
  g_clear_pointer (&values->name, g_free);
  g_clear_pointer (&values->postal_code, g_free);
  g_clear_pointer (&values->website, g_free);
  g_clear_pointer (&values->phone, g_free);
  g_clear_pointer (&values->email, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PartnerValues, partner_values_clear)

static void
keep_message (char   **message,
              GError  *error)
{
  if (error != NULL && *message == NULL)
    *message = g_strdup (error->message);
}

/* Normalises every field; messages[field] receives what is wrong with it. */
static gboolean
partner_values_read (const EscalePartnerForm *form,
                     PartnerValues           *values,
                     char                    *messages[ESCALE_N_PARTNER_FIELDS])
{
  g_autoptr(GError) postal_error = NULL;
  g_autoptr(GError) latitude_error = NULL;
  g_autoptr(GError) longitude_error = NULL;
  g_autoptr(GError) website_error = NULL;
  g_autoptr(GError) phone_error = NULL;
  g_autoptr(GError) email_error = NULL;
  gboolean ok = TRUE;

  values->name = escale_normalize_text (form->name);
  if (values->name == NULL)
    {
      messages[ESCALE_PARTNER_FIELD_NAME] = g_strdup (_("Enter the organisation’s name"));
      ok = FALSE;
    }

  ok &= escale_normalize_postal_code (form->postal_code, &values->postal_code, &postal_error);
  ok &= escale_parse_coordinate (form->latitude, 90, &values->has_latitude, &values->latitude, &latitude_error);
  ok &= escale_parse_coordinate (form->longitude, 180, &values->has_longitude, &values->longitude, &longitude_error);
  ok &= escale_normalize_website (form->website, &values->website, &website_error);
  ok &= escale_normalize_phone (form->phone, &values->phone, &phone_error);
  ok &= escale_normalize_email (form->email, &values->email, &email_error);

  keep_message (&messages[ESCALE_PARTNER_FIELD_POSTAL_CODE], postal_error);
  keep_message (&messages[ESCALE_PARTNER_FIELD_LATITUDE], latitude_error);
  keep_message (&messages[ESCALE_PARTNER_FIELD_LONGITUDE], longitude_error);
  keep_message (&messages[ESCALE_PARTNER_FIELD_WEBSITE], website_error);
  keep_message (&messages[ESCALE_PARTNER_FIELD_PHONE], phone_error);
  keep_message (&messages[ESCALE_PARTNER_FIELD_EMAIL], email_error);

  /* Reported with the other mistakes, not after they are fixed. */
  if (latitude_error == NULL && longitude_error == NULL &&
      values->has_latitude != values->has_longitude)
    {
      EscalePartnerField missing = values->has_latitude ? ESCALE_PARTNER_FIELD_LONGITUDE
                                                        : ESCALE_PARTNER_FIELD_LATITUDE;

      messages[missing] = g_strdup (_("Enter both the latitude and the longitude, or neither"));
      ok = FALSE;
    }

  return ok;
}

static gboolean
first_problem (char      **messages,
               guint       n_messages,
               const char *(*get_label) (guint field),
               GError    **error)
{
  for (guint i = 0; i < n_messages; i++)
    {
      if (messages[i] != NULL)
        {
          /* Translators: a field's name, then what is wrong with it. */
          g_set_error (error, ESCALE_VALIDATION_ERROR, ESCALE_VALIDATION_ERROR_INVALID,
                       _("%s: %s"), get_label (i), messages[i]);
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
partner_label (guint field)
{
  return escale_partner_field_get_label ((EscalePartnerField) field);
}

static const char *
contact_label (guint field)
{
  return escale_contact_field_get_label ((EscaleContactField) field);
}

const char *
escale_partner_field_get_label (EscalePartnerField field)
{
  switch (field)
    {
    case ESCALE_PARTNER_FIELD_NAME: return _("Name");
    case ESCALE_PARTNER_FIELD_POSTAL_CODE: return _("Postal code");
    case ESCALE_PARTNER_FIELD_LATITUDE: return _("Latitude");
    case ESCALE_PARTNER_FIELD_LONGITUDE: return _("Longitude");
    case ESCALE_PARTNER_FIELD_WEBSITE: return _("Website");
    case ESCALE_PARTNER_FIELD_PHONE: return _("Phone");
    case ESCALE_PARTNER_FIELD_EMAIL: return _("Email");
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * escale_partner_form_check:
 * @messages: (out caller-allocates): one message per field, %NULL where the
 *   field is fine; free with escale_form_messages_clear()
 *
 * Returns: whether the form can be saved
 */
gboolean
escale_partner_form_check (const EscalePartnerForm *form,
                           char                    *messages[ESCALE_N_PARTNER_FIELDS])
{
  g_auto(PartnerValues) values = { 0 };

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);

  memset (messages, 0, sizeof (char *) * ESCALE_N_PARTNER_FIELDS);
  return partner_values_read (form, &values, messages);
}

/**
 * escale_partner_form_apply:
 *
 * Writes the normalised values of @form into @partner, or changes nothing
 * and names the first field that is wrong.
 */
gboolean
escale_partner_form_apply (const EscalePartnerForm *form,
                           EscalePartner           *partner,
                           GError                 **error)
{
  g_auto(PartnerValues) values = { 0 };
  char *messages[ESCALE_N_PARTNER_FIELDS] = { NULL, };
  g_autofree char *address = NULL;
  g_autofree char *city = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *notes = NULL;
  gboolean ok;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_PARTNER (partner), FALSE);

  ok = partner_values_read (form, &values, messages);
  if (!ok)
    {
      first_problem (messages, ESCALE_N_PARTNER_FIELDS, partner_label, error);
      escale_form_messages_clear (messages, ESCALE_N_PARTNER_FIELDS);
      return FALSE;
    }

  address = escale_normalize_text (form->address);
  city = escale_normalize_text (form->city);
  tags = escale_normalize_text (form->tags);
  /* Notes keep their line breaks; only surrounding blank space goes. */
  notes = g_strstrip (g_strdup (form->notes != NULL ? form->notes : ""));
  if (*notes == '\0')
    g_clear_pointer (&notes, g_free);

  g_object_set (partner,
                "name", values.name,
                "kind", form->kind,
                "region-code", form->region_code != NULL && *form->region_code != '\0' ? form->region_code : NULL,
                "address", address,
                "city", city,
                "postal-code", values.postal_code,
                "website", values.website,
                "phone", values.phone,
                "email", values.email,
                "tags", tags,
                "notes", notes,
                NULL);

  if (values.has_latitude)
    escale_partner_set_coordinates (partner, values.latitude, values.longitude);
  else
    escale_partner_clear_coordinates (partner);

  return TRUE;
}

const char *
escale_contact_field_get_label (EscaleContactField field)
{
  switch (field)
    {
    case ESCALE_CONTACT_FIELD_NAME: return _("Contact name");
    case ESCALE_CONTACT_FIELD_EMAIL: return _("Contact email");
    case ESCALE_CONTACT_FIELD_PHONE: return _("Contact phone");
    default: g_return_val_if_reached (NULL);
    }
}

static gboolean
contact_values_read (const EscaleContactForm *form,
                     char                   **name,
                     char                   **email,
                     char                   **phone,
                     char                    *messages[ESCALE_N_CONTACT_FIELDS])
{
  g_autoptr(GError) email_error = NULL;
  g_autoptr(GError) phone_error = NULL;
  gboolean ok = TRUE;

  *name = escale_normalize_text (form->name);
  if (*name == NULL)
    {
      messages[ESCALE_CONTACT_FIELD_NAME] = g_strdup (_("Enter the person’s name"));
      ok = FALSE;
    }

  ok &= escale_normalize_email (form->email, email, &email_error);
  ok &= escale_normalize_phone (form->phone, phone, &phone_error);
  keep_message (&messages[ESCALE_CONTACT_FIELD_EMAIL], email_error);
  keep_message (&messages[ESCALE_CONTACT_FIELD_PHONE], phone_error);

  return ok;
}

gboolean
escale_contact_form_check (const EscaleContactForm *form,
                           char                    *messages[ESCALE_N_CONTACT_FIELDS])
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);

  memset (messages, 0, sizeof (char *) * ESCALE_N_CONTACT_FIELDS);
  return contact_values_read (form, &name, &email, &phone, messages);
}

gboolean
escale_contact_form_apply (const EscaleContactForm *form,
                           EscaleContact           *contact,
                           GError                 **error)
{
  char *messages[ESCALE_N_CONTACT_FIELDS] = { NULL, };
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *role = NULL;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_CONTACT (contact), FALSE);

  if (!contact_values_read (form, &name, &email, &phone, messages))
    {
      first_problem (messages, ESCALE_N_CONTACT_FIELDS, contact_label, error);
      escale_form_messages_clear (messages, ESCALE_N_CONTACT_FIELDS);
      return FALSE;
    }

  role = escale_normalize_text (form->role);
  g_object_set (contact,
                "name", name,
                "role", role,
                "email", email,
                "phone", phone,
                NULL);

  return TRUE;
}

const char *
escale_interaction_field_get_label (EscaleInteractionField field)
{
  switch (field)
    {
    case ESCALE_INTERACTION_FIELD_DATE: return _("Date");
    case ESCALE_INTERACTION_FIELD_SUMMARY: return _("Summary");
    case ESCALE_INTERACTION_FIELD_DUE: return _("Due date");
    default: g_return_val_if_reached (NULL);
    }
}

static const char *
interaction_label (guint field)
{
  return escale_interaction_field_get_label ((EscaleInteractionField) field);
}

/* Dates are typed the way Québec writes them officially, 2026-11-23. */
static gboolean
interaction_values_read (const EscaleInteractionForm *form,
                         char                       **summary,
                         char                       **next_step,
                         char                       **due_on,
                         char                        *messages[ESCALE_N_INTERACTION_FIELDS])
{
  g_autofree char *occurred_on = escale_normalize_text (form->occurred_on);
  GDate date;
  gboolean ok = TRUE;

  if (!escale_calendar_date_parse (occurred_on, &date))
    {
      messages[ESCALE_INTERACTION_FIELD_DATE] = g_strdup (_("Enter the date it took place, such as 2026-11-23"));
      ok = FALSE;
    }

  *summary = escale_normalize_text (form->summary);
  if (*summary == NULL)
    {
      messages[ESCALE_INTERACTION_FIELD_SUMMARY] = g_strdup (_("Say in a few words what was said or done"));
      ok = FALSE;
    }

  *next_step = escale_normalize_text (form->next_step);
  *due_on = escale_normalize_text (form->due_on);
  if (*due_on != NULL && !escale_calendar_date_parse (*due_on, &date))
    {
      messages[ESCALE_INTERACTION_FIELD_DUE] = g_strdup (_("Enter a due date such as 2026-11-30, or leave it empty"));
      ok = FALSE;
    }

  return ok;
}

gboolean
escale_interaction_form_check (const EscaleInteractionForm *form,
                               char                        *messages[ESCALE_N_INTERACTION_FIELDS])
{
  g_autofree char *summary = NULL;
  g_autofree char *next_step = NULL;
  g_autofree char *due_on = NULL;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);

  memset (messages, 0, sizeof (char *) * ESCALE_N_INTERACTION_FIELDS);
  return interaction_values_read (form, &summary, &next_step, &due_on, messages);
}

gboolean
escale_interaction_form_apply (const EscaleInteractionForm  *form,
                               EscaleInteraction            *interaction,
                               GError                      **error)
{
  char *messages[ESCALE_N_INTERACTION_FIELDS] = { NULL, };
  g_autofree char *occurred_on = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *next_step = NULL;
  g_autofree char *due_on = NULL;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (ESCALE_IS_INTERACTION (interaction), FALSE);

  if (!interaction_values_read (form, &summary, &next_step, &due_on, messages))
    {
      first_problem (messages, ESCALE_N_INTERACTION_FIELDS, interaction_label, error);
      escale_form_messages_clear (messages, ESCALE_N_INTERACTION_FIELDS);
      return FALSE;
    }

  occurred_on = escale_normalize_text (form->occurred_on);
  g_object_set (interaction,
                "occurred-on", occurred_on,
                "channel", form->channel,
                "summary", summary,
                "next-step", next_step,
                "due-on", due_on,
                "done", form->done,
                NULL);

  return TRUE;
}

void
escale_form_messages_clear (char  **messages,
                            guint   n_messages)
{
  for (guint i = 0; i < n_messages; i++)
    g_clear_pointer (&messages[i], g_free);
}
