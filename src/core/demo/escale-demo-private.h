/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the demonstration generators of src/core/demo only. */

typedef struct
{
  const char * const *items;
  guint               n_items;
} EscaleDemoList;

/* What a person is called day to day, when it is not their given name. */
typedef enum
{
  ESCALE_DEMO_PREFERRED_NONE,
  ESCALE_DEMO_PREFERRED_ENGLISH,      /* Chinese given names: many also use an English one */
  ESCALE_DEMO_PREFERRED_LAST_WORD,    /* “Thi Lan” is called Lan; “Mohamed Amine”, Amine */
  ESCALE_DEMO_PREFERRED_FIRST_WORD,   /* “Mark Anthony” is called Mark */
} EscaleDemoPreferred;

typedef struct
{
  EscaleDemoList      women;
  EscaleDemoList      men;
  EscaleDemoList      families;
  gboolean            two_family_names;  /* Spanish and Portuguese: father’s and mother’s */
  EscaleDemoPreferred preferred;
} EscaleDemoNameGroup;

typedef struct
{
  const char                *name;              /* in French, as counsellors write it */
  guint                      weight;            /* roughly Montréal’s recent immigration */
  const EscaleDemoNameGroup *names;
  guint8                     french[2];         /* the usual range of the French level */
  guint8                     english[2];
  const char                *languages;         /* other languages usually spoken */
  gboolean                   working_holiday;   /* an IEC agreement with Canada */
  gboolean                   asylum;            /* people from here may seek protection */
} EscaleDemoCountry;

const EscaleDemoCountry *_escale_demo_get_countries     (guint    *n_countries);
const EscaleDemoList    *_escale_demo_get_english_names (gboolean  women);

G_END_DECLS
