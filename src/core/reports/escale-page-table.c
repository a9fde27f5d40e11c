/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-page-flow-private.h"

/* The tables of a page flow: a header row on a tinted band, rows striped
 * for the eye to follow across, never split; a table that reaches the
 * bottom of a page goes on under its caption and header on the next. */

#define MARGIN_SIDE   ESCALE_PAGE_MARGIN_SIDE
#define CELL_PAD_X    4.0
#define CELL_PAD_Y    3.5
#define CHECKBOX_SIZE 9.0

static const EscalePageColor header_fill = { 0.902, 0.925, 0.957 };
static const EscalePageColor stripe_fill = { 0.961, 0.969, 0.980 };

struct _EscalePageTable
{
  EscalePageColumn *columns;
  double           *x;
  double           *widths;
  guint             n_columns;
  char             *caption;
  double            min_row_height;
  guint             n_rows;          /* since the last group row, for the stripes */
  char             *pending_group;   /* drawn with the row that follows it */
};

void
_escale_page_table_free (EscalePageTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_free ((char *) table->columns[i].title);
  g_free (table->columns);
  g_free (table->x);
  g_free (table->widths);
  g_free (table->caption);
  g_free (table->pending_group);
  g_free (table);
}

static double
table_width (EscalePageTable *table)
{
  return table->x[table->n_columns - 1] + table->widths[table->n_columns - 1] - MARGIN_SIDE;
}

static void
fill_band (EscalePageFlow        *flow,
           const EscalePageColor *color,
           double                 height)
{
  if (!_escale_page_flow_is_drawing (flow))
    return;

  _escale_page_flow_set_color (flow, color);
  cairo_rectangle (flow->cr, MARGIN_SIDE, flow->y, table_width (flow->table), height);
  cairo_fill (flow->cr);
}

/* Lines after the first are details: smaller and grey. */
static void
style_details (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const char *newline = strchr (text, '\n');
  g_autoptr(PangoAttrList) attributes = NULL;
  PangoAttribute *attribute;

  if (newline == NULL)
    return;

  attributes = pango_attr_list_new ();
  attribute = pango_attr_foreground_new ((guint16) (escale_page_muted.red * 65535),
                                         (guint16) (escale_page_muted.green * 65535),
                                         (guint16) (escale_page_muted.blue * 65535));
  attribute->start_index = (guint) (newline - text);
  pango_attr_list_insert (attributes, attribute);
  attribute = pango_attr_scale_new (0.88);
  attribute->start_index = (guint) (newline - text);
  pango_attr_list_insert (attributes, attribute);
  pango_layout_set_attributes (layout, attributes);
}

/* Measures the cells of a row, or of the header when @cells is NULL: their
 * layouts (NULL for boxes and blanks) and the row's height. */
static double
measure_cells (EscalePageFlow     *flow,
               const char * const *cells,
               PangoLayout       **layouts)
{
  EscalePageTable *table = flow->table;
  EscalePageFont font = cells != NULL ? ESCALE_PAGE_FONT_CELL : ESCALE_PAGE_FONT_CELL_HEADER;
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      EscalePageCellKind kind = table->columns[i].kind;

      layouts[i] = NULL;
      if (cells != NULL && (kind == ESCALE_PAGE_CELL_CHECKBOX || kind == ESCALE_PAGE_CELL_WRITE_IN))
        continue;

      layouts[i] = _escale_page_flow_new_layout (flow, font, cells != NULL ? cells[i] : table->columns[i].title,
                                                 table->widths[i] - 2 * CELL_PAD_X);
      if (kind == ESCALE_PAGE_CELL_NUMBER || kind == ESCALE_PAGE_CELL_CHECKBOX)
        pango_layout_set_alignment (layouts[i], PANGO_ALIGN_CENTER);
      if (cells != NULL && kind == ESCALE_PAGE_CELL_DETAILED)
        style_details (layouts[i]);
      height = MAX (height, _escale_page_flow_layout_height (layouts[i]));
    }

  return height + 2 * CELL_PAD_Y;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n_layouts)
{
  for (guint i = 0; i < n_layouts; i++)
    g_clear_object (&layouts[i]);
  g_free (layouts);
}

/* Draws measured cells, each centred in the row's height, and records them
 * as one text, the cells separated by tabs. */
static void
draw_cells (EscalePageFlow  *flow,
            gboolean         header,
            PangoLayout    **layouts,
            double           height)
{
  EscalePageTable *table = flow->table;
  g_autoptr(GString) recorded = g_string_new (NULL);

  for (guint i = 0; i < table->n_columns; i++)
    {
      EscalePageCellKind kind = table->columns[i].kind;
      double x = table->x[i];

      if (i > 0)
        g_string_append_c (recorded, '\t');

      if (layouts[i] != NULL)
        {
          _escale_page_flow_show_layout (flow, layouts[i], &escale_page_ink, x + CELL_PAD_X,
                                         flow->y + (height - _escale_page_flow_layout_height (layouts[i])) / 2);
          g_string_append (recorded, pango_layout_get_text (layouts[i]));
        }
      else if (kind == ESCALE_PAGE_CELL_CHECKBOX)
        {
          if (_escale_page_flow_is_drawing (flow))
            {
              _escale_page_flow_set_color (flow, &escale_page_ink);
              cairo_set_line_width (flow->cr, 0.8);
              cairo_rectangle (flow->cr, x + (table->widths[i] - CHECKBOX_SIZE) / 2,
                               flow->y + (height - CHECKBOX_SIZE) / 2, CHECKBOX_SIZE, CHECKBOX_SIZE);
              cairo_stroke (flow->cr);
            }
          g_string_append (recorded, "[ ]");
        }

      /* A thin line on the left of what is written by hand. */
      if (!header && kind == ESCALE_PAGE_CELL_WRITE_IN && _escale_page_flow_is_drawing (flow))
        {
          _escale_page_flow_set_color (flow, &escale_page_rule);
          cairo_set_line_width (flow->cr, 0.4);
          cairo_move_to (flow->cr, x, flow->y);
          cairo_line_to (flow->cr, x, flow->y + height);
          cairo_stroke (flow->cr);
        }
    }

  _escale_page_flow_record (flow, recorded->str);
}

static double
header_height (EscalePageFlow *flow)
{
  PangoLayout **layouts = g_new0 (PangoLayout *, flow->table->n_columns);
  double height = measure_cells (flow, NULL, layouts);

  free_layouts (layouts, flow->table->n_columns);
  return height;
}

static void
draw_header (EscalePageFlow *flow)
{
  PangoLayout **layouts = g_new0 (PangoLayout *, flow->table->n_columns);
  double height = measure_cells (flow, NULL, layouts);

  fill_band (flow, &header_fill, height);
  draw_cells (flow, TRUE, layouts, height);
  free_layouts (layouts, flow->table->n_columns);
  flow->y += height;
}

/* At the top of the page a table goes on to: its caption, "(continued)",
 * and its header row. */
void
_escale_page_table_continue (EscalePageFlow *flow)
{
  if (flow->table->caption != NULL)
    {
      /* Translators: the caption of a table at the top of the page it goes on to */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), flow->table->caption);
      g_autoptr(PangoLayout) layout = _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_LABEL, text,
                                                                    table_width (flow->table));

      _escale_page_flow_show_layout (flow, layout, &escale_page_muted, MARGIN_SIDE, flow->y);
      _escale_page_flow_record (flow, text);
      flow->y += _escale_page_flow_layout_height (layout) + 4;
    }

  draw_header (flow);
}

static PangoLayout *
new_group_layout (EscalePageFlow *flow)
{
  return _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_GROUP, flow->table->pending_group,
                                       table_width (flow->table) - 2 * CELL_PAD_X);
}

static double
group_height (PangoLayout *layout)
{
  return _escale_page_flow_layout_height (layout) + 2 * CELL_PAD_Y + 4;
}

static void
draw_pending_group (EscalePageFlow *flow)
{
  g_autoptr(PangoLayout) layout = new_group_layout (flow);

  _escale_page_flow_show_layout (flow, layout, &escale_page_accent, MARGIN_SIDE + CELL_PAD_X,
                                 flow->y + CELL_PAD_Y + 4);
  _escale_page_flow_record (flow, flow->table->pending_group);
  flow->y += group_height (layout);
  _escale_page_flow_draw_rule (flow, MARGIN_SIDE, flow->y, table_width (flow->table), 0.8);
  g_clear_pointer (&flow->table->pending_group, g_free);
  flow->table->n_rows = 0;
}

/**
 * escale_page_flow_begin_table:
 * @columns: (array length=n_columns): the columns, left to right
 * @caption: (nullable): what the table is, repeated with "(continued)"
 *   above its header on the pages it goes on to
 * @min_row_height: in points: room to tick a box or sign
 */
void
escale_page_flow_begin_table (EscalePageFlow         *flow,
                              const EscalePageColumn *columns,
                              guint                   n_columns,
                              const char             *caption,
                              double                  min_row_height)
{
  EscalePageTable *table;
  double available = escale_page_flow_get_width (flow);
  double fixed = 0, x = MARGIN_SIDE;
  guint n_shared = 0;

  g_return_if_fail (flow != NULL && flow->table == NULL);
  g_return_if_fail (columns != NULL && n_columns > 0);

  table = g_new0 (EscalePageTable, 1);
  table->n_columns = n_columns;
  table->columns = g_new0 (EscalePageColumn, n_columns);
  table->x = g_new0 (double, n_columns);
  table->widths = g_new0 (double, n_columns);
  table->caption = g_strdup (caption);
  table->min_row_height = min_row_height;

  for (guint i = 0; i < n_columns; i++)
    {
      fixed += columns[i].width;
      n_shared += columns[i].width <= 0;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      table->columns[i] = columns[i];
      table->columns[i].title = g_strdup (columns[i].title);
      table->widths[i] = columns[i].width > 0 ? columns[i].width : MAX (available - fixed, 0) / MAX (n_shared, 1);
      table->x[i] = x;
      x += table->widths[i];
    }

  flow->table = table;
  /* The header row never ends a page without a row under it. */
  if (flow->y + header_height (flow) + MAX (min_row_height, 24) > flow->bottom && flow->y > flow->top + 0.5)
    _escale_page_flow_next_page (flow);   /* which draws the header */
  else
    draw_header (flow);
}

/**
 * escale_page_flow_add_group:
 *
 * A row across the whole table that starts a group of rows (a day of an
 * itinerary), kept on the page of the row after it.
 */
void
escale_page_flow_add_group (EscalePageFlow *flow,
                            const char     *text)
{
  g_return_if_fail (flow != NULL && flow->table != NULL);
  g_return_if_fail (text != NULL);

  g_free (flow->table->pending_group);
  flow->table->pending_group = g_strdup (text);
}

/**
 * escale_page_flow_add_row:
 * @cells: one text per column; ignored for boxes and write-in columns
 *
 * A row is never split: one that does not fit goes on the next page, under
 * the table's header.
 */
void
escale_page_flow_add_row (EscalePageFlow     *flow,
                          const char * const *cells)
{
  EscalePageTable *table;
  PangoLayout **layouts;
  double height, needed;

  g_return_if_fail (flow != NULL && flow->table != NULL);
  g_return_if_fail (cells != NULL);

  table = flow->table;
  layouts = g_new0 (PangoLayout *, table->n_columns);
  height = measure_cells (flow, cells, layouts);
  height = MAX (height, table->min_row_height);
  needed = height;
  if (table->pending_group != NULL)
    {
      g_autoptr(PangoLayout) group = new_group_layout (flow);

      needed += group_height (group);
    }

  if (flow->y + needed > flow->bottom)
    _escale_page_flow_next_page (flow);
  if (table->pending_group != NULL)
    draw_pending_group (flow);

  if (table->n_rows % 2 == 1)
    fill_band (flow, &stripe_fill, height);
  draw_cells (flow, FALSE, layouts, height);
  free_layouts (layouts, table->n_columns);
  flow->y += height;
  _escale_page_flow_draw_rule (flow, MARGIN_SIDE, flow->y, table_width (table), 0.4);
  table->n_rows++;
}

void
escale_page_flow_end_table (EscalePageFlow *flow)
{
  g_return_if_fail (flow != NULL && flow->table != NULL);

  g_clear_pointer (&flow->table, _escale_page_table_free);
  flow->y += 10;
}
