/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-record.h"

/* The getters and setters of an EscaleRecord subclass, one line each. */

#define ESCALE_RECORD_TEXT(Type, prefix, TYPE_CHECK, name, prop) \
  const char * \
  prefix##_get_##name (Type *self) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), NULL); \
    return _escale_record_get_string (self, prop); \
  } \
  void \
  prefix##_set_##name (Type *self, const char *text) \
  { \
    g_return_if_fail (TYPE_CHECK (self)); \
    _escale_record_set_string (self, prop, text); \
  }

#define ESCALE_RECORD_NUMBER(Type, prefix, TYPE_CHECK, ctype, name, prop) \
  ctype \
  prefix##_get_##name (Type *self) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), 0); \
    return (ctype) _escale_record_get_integer (self, prop); \
  } \
  void \
  prefix##_set_##name (Type *self, ctype number) \
  { \
    g_return_if_fail (TYPE_CHECK (self)); \
    _escale_record_set_integer (self, prop, number); \
  }

#define ESCALE_RECORD_NUMBER_GETTER(Type, prefix, TYPE_CHECK, ctype, name, prop) \
  ctype \
  prefix##_get_##name (Type *self) \
  { \
    g_return_val_if_fail (TYPE_CHECK (self), 0); \
    return (ctype) _escale_record_get_integer (self, prop); \
  }
