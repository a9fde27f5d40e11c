/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESCALE_VALIDATION_ERROR (escale_validation_error_quark ())

typedef enum
{
  ESCALE_VALIDATION_ERROR_REQUIRED,
  ESCALE_VALIDATION_ERROR_INVALID,
} EscaleValidationError;

GQuark   escale_validation_error_quark   (void);

/* Each normaliser accepts what people type, returns the stored form in
 * @normalized (NULL for an empty field, which is allowed), or FALSE with an
 * error message meant to be shown under the field. */
gboolean escale_normalize_email          (const char  *input,
                                          char       **normalized,
                                          GError     **error);
gboolean escale_normalize_phone          (const char  *input,
                                          char       **normalized,
                                          GError     **error);
gboolean escale_normalize_postal_code    (const char  *input,
                                          char       **normalized,
                                          GError     **error);
gboolean escale_normalize_website        (const char  *input,
                                          char       **normalized,
                                          GError     **error);
gboolean escale_parse_coordinate         (const char  *input,
                                          double       limit,
                                          gboolean    *present,
                                          double      *value,
                                          GError     **error);
gboolean escale_parse_coordinates        (const char  *input,
                                          gboolean    *present,
                                          double      *latitude,
                                          double      *longitude,
                                          GError     **error);
char    *escale_normalize_text           (const char  *input);

G_END_DECLS
