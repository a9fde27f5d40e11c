/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What escale-page-flow.c (pages, text, fields) and escale-page-table.c
 * (tables) share. */

#include <pango/pangocairo.h>

#include "escale-page-flow.h"

G_BEGIN_DECLS

#define ESCALE_PAGE_MARGIN_SIDE 54.0   /* three quarters of an inch */

typedef struct
{
  double red, green, blue;
} EscalePageColor;

extern const EscalePageColor escale_page_ink;
extern const EscalePageColor escale_page_muted;
extern const EscalePageColor escale_page_accent;
extern const EscalePageColor escale_page_rule;

typedef enum
{
  ESCALE_PAGE_FONT_BODY,
  ESCALE_PAGE_FONT_NOTE,
  ESCALE_PAGE_FONT_KICKER,
  ESCALE_PAGE_FONT_TITLE,
  ESCALE_PAGE_FONT_SUBTITLE,
  ESCALE_PAGE_FONT_HEADING,
  ESCALE_PAGE_FONT_CELL,
  ESCALE_PAGE_FONT_CELL_HEADER,
  ESCALE_PAGE_FONT_GROUP,
  ESCALE_PAGE_FONT_LABEL,
  ESCALE_PAGE_FONT_CHROME,
  ESCALE_PAGE_N_FONTS
} EscalePageFont;

typedef struct _EscalePageTable EscalePageTable;

struct _EscalePageFlow
{
  /* Borrowed */
  cairo_t              *cr;
  GPtrArray            *texts;

  /* Owned */
  PangoContext         *context;
  PangoFontDescription *fonts[ESCALE_PAGE_N_FONTS];
  EscalePageSetup       setup;   /* its strings copied */
  EscalePageTable      *table;

  int                   target;   /* the page to draw, -1 for all */
  guint                 n_pages;  /* 0 while counting */
  guint                 page;
  double                y;
  double                top;
  double                bottom;
  double                chrome_height;
};

gboolean     _escale_page_flow_is_drawing   (EscalePageFlow        *flow);
void         _escale_page_flow_record       (EscalePageFlow        *flow,
                                             const char            *text);
void         _escale_page_flow_set_color    (EscalePageFlow        *flow,
                                             const EscalePageColor *color);
PangoLayout *_escale_page_flow_new_layout   (EscalePageFlow        *flow,
                                             EscalePageFont         font,
                                             const char            *text,
                                             double                 width);
double       _escale_page_flow_layout_height (PangoLayout          *layout);
void         _escale_page_flow_show_layout  (EscalePageFlow        *flow,
                                             PangoLayout           *layout,
                                             const EscalePageColor *color,
                                             double                 x,
                                             double                 y);
void         _escale_page_flow_draw_rule    (EscalePageFlow        *flow,
                                             double                 x,
                                             double                 y,
                                             double                 width,
                                             double                 line_width);
void         _escale_page_flow_next_page    (EscalePageFlow        *flow);

void         _escale_page_table_free        (EscalePageTable       *table);
void         _escale_page_table_continue    (EscalePageFlow        *flow);

G_END_DECLS
