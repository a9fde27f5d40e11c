/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* EscalePageFlow: text, label/value fields and tables that flow down
 * printed pages, with a running header and a "Page n of N" footer on each;
 * a table that reaches the bottom continues on the next page under its
 * caption and header row. Shared by the printed reports of the core. */

typedef enum
{
  ESCALE_PAGE_STYLE_BODY,
  ESCALE_PAGE_STYLE_NOTE,       /* smaller and grey: counts, explanations */
  ESCALE_PAGE_STYLE_KICKER,     /* what the document is, above its title */
  ESCALE_PAGE_STYLE_TITLE,
  ESCALE_PAGE_STYLE_SUBTITLE,
  ESCALE_PAGE_STYLE_HEADING,    /* a section; never left alone at the bottom */
} EscalePageStyle;

typedef enum
{
  ESCALE_PAGE_CELL_TEXT,
  ESCALE_PAGE_CELL_DETAILED,    /* a first line, then smaller grey details */
  ESCALE_PAGE_CELL_NUMBER,      /* short and centred */
  ESCALE_PAGE_CELL_CHECKBOX,    /* an empty box to tick */
  ESCALE_PAGE_CELL_WRITE_IN,    /* left blank, to fill in by hand */
} EscalePageCellKind;

/**
 * EscalePageColumn:
 * @title: the header cell
 * @width: in points; 0 shares what the other columns leave
 * @kind: what the cells hold
 */
typedef struct
{
  const char         *title;
  double              width;
  EscalePageCellKind  kind;
} EscalePageColumn;

/**
 * EscalePageSetup:
 * @width: the page's width, in points
 * @height: its height
 * @header_start: (nullable): the header's left text: what the pages are about
 * @header_end: (nullable): the header's right text: what the document is
 * @footer_start: (nullable): the footer's left text
 */
typedef struct
{
  double      width;
  double      height;
  const char *header_start;
  const char *header_end;
  const char *footer_start;
} EscalePageSetup;

typedef struct _EscalePageFlow EscalePageFlow;

EscalePageFlow *escale_page_flow_new          (const EscalePageSetup   *setup,
                                               cairo_t                 *cr,
                                               int                      page,
                                               guint                    n_pages,
                                               GPtrArray               *texts);
guint           escale_page_flow_finish       (EscalePageFlow          *flow);
void            escale_page_flow_free         (EscalePageFlow          *flow);

double          escale_page_flow_get_width    (EscalePageFlow          *flow);
void            escale_page_flow_add_space    (EscalePageFlow          *flow,
                                               double                   points);
void            escale_page_flow_add_text     (EscalePageFlow          *flow,
                                               EscalePageStyle          style,
                                               const char              *text);
void            escale_page_flow_add_bullets  (EscalePageFlow          *flow,
                                               const char              *lines);
void            escale_page_flow_add_field    (EscalePageFlow          *flow,
                                               const char              *label,
                                               const char              *value);

void            escale_page_flow_begin_table  (EscalePageFlow          *flow,
                                               const EscalePageColumn  *columns,
                                               guint                    n_columns,
                                               const char              *caption,
                                               double                   min_row_height);
void            escale_page_flow_add_group    (EscalePageFlow          *flow,
                                               const char              *text);
void            escale_page_flow_add_row      (EscalePageFlow          *flow,
                                               const char * const      *cells);
void            escale_page_flow_end_table    (EscalePageFlow          *flow);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalePageFlow, escale_page_flow_free)

G_END_DECLS
