/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "escale-partner-repository.h"

G_BEGIN_DECLS

typedef struct
{
  guint partners;
  guint contacts;
  guint interactions;
} EscaleDemoCounts;

gboolean escale_demo_generate (EscalePartnerRepository  *partners,
                               guint32                   seed,
                               guint                     scale,
                               const GDate              *today,
                               EscaleDemoCounts         *counts,
                               GError                  **error);

G_END_DECLS
