/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-reports"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "escale-page-flow-private.h"

/* A flow is run twice by its callers: once without a cairo context to count
 * the pages, then again to draw them, since every footer says how many
 * there are. Both runs measure text with the same PangoContext setup
 * (72 dpi, no hinting), so the second breaks the pages where the first
 * did, whatever the target: a PDF surface or a printer's context. */

#define FONT_FAMILY   "Cantarell,Sans"
#define MARGIN_SIDE   ESCALE_PAGE_MARGIN_SIDE
#define MARGIN_TOP    36.0
#define MARGIN_BOTTOM 36.0
#define LABEL_WIDTH   118.0
/* Room a heading wants below it, so that it never ends a page alone. */
#define KEEP_WITH_NEXT 48.0

const EscalePageColor escale_page_ink = { 0.118, 0.118, 0.118 };
const EscalePageColor escale_page_muted = { 0.369, 0.361, 0.392 };
const EscalePageColor escale_page_accent = { 0.102, 0.373, 0.706 };
const EscalePageColor escale_page_rule = { 0.753, 0.749, 0.737 };

static const struct
{
  double      size;
  PangoWeight weight;
} font_specs[ESCALE_PAGE_N_FONTS] = {
  [ESCALE_PAGE_FONT_BODY] = { 10, PANGO_WEIGHT_NORMAL },
  [ESCALE_PAGE_FONT_NOTE] = { 8.5, PANGO_WEIGHT_NORMAL },
  [ESCALE_PAGE_FONT_KICKER] = { 9, PANGO_WEIGHT_BOLD },
  [ESCALE_PAGE_FONT_TITLE] = { 20, PANGO_WEIGHT_BOLD },
  [ESCALE_PAGE_FONT_SUBTITLE] = { 12, PANGO_WEIGHT_NORMAL },
  [ESCALE_PAGE_FONT_HEADING] = { 13, PANGO_WEIGHT_BOLD },
  [ESCALE_PAGE_FONT_CELL] = { 9.5, PANGO_WEIGHT_NORMAL },
  [ESCALE_PAGE_FONT_CELL_HEADER] = { 8.5, PANGO_WEIGHT_BOLD },
  [ESCALE_PAGE_FONT_GROUP] = { 10, PANGO_WEIGHT_BOLD },
  [ESCALE_PAGE_FONT_LABEL] = { 9.5, PANGO_WEIGHT_BOLD },
  [ESCALE_PAGE_FONT_CHROME] = { 8, PANGO_WEIGHT_NORMAL },
};

static const struct
{
  EscalePageFont         font;
  const EscalePageColor *color;
  double                 space_before;
  double                 space_after;
} style_specs[] = {
  [ESCALE_PAGE_STYLE_BODY] = { ESCALE_PAGE_FONT_BODY, &escale_page_ink, 0, 5 },
  [ESCALE_PAGE_STYLE_NOTE] = { ESCALE_PAGE_FONT_NOTE, &escale_page_muted, 0, 4 },
  [ESCALE_PAGE_STYLE_KICKER] = { ESCALE_PAGE_FONT_KICKER, &escale_page_accent, 0, 3 },
  [ESCALE_PAGE_STYLE_TITLE] = { ESCALE_PAGE_FONT_TITLE, &escale_page_ink, 0, 4 },
  [ESCALE_PAGE_STYLE_SUBTITLE] = { ESCALE_PAGE_FONT_SUBTITLE, &escale_page_muted, 0, 3 },
  [ESCALE_PAGE_STYLE_HEADING] = { ESCALE_PAGE_FONT_HEADING, &escale_page_accent, 16, 6 },
};

static double
content_width (EscalePageFlow *flow)
{
  return flow->setup.width - 2 * MARGIN_SIDE;
}

static gboolean
on_target (EscalePageFlow *flow)
{
  return flow->target < 0 || (guint) flow->target == flow->page;
}

gboolean
_escale_page_flow_is_drawing (EscalePageFlow *flow)
{
  return flow->cr != NULL && on_target (flow);
}

/* What was laid out on the page, one entry per text: what the tests read
 * instead of extracting the text of a PDF. */
void
_escale_page_flow_record (EscalePageFlow *flow,
                          const char     *text)
{
  GPtrArray *page;

  if (flow->texts == NULL || flow->n_pages == 0 || !on_target (flow))
    return;

  while (flow->texts->len <= flow->page)
    g_ptr_array_add (flow->texts, g_ptr_array_new_with_free_func (g_free));
  page = g_ptr_array_index (flow->texts, flow->page);
  g_ptr_array_add (page, g_strdup (text));
}

void
_escale_page_flow_set_color (EscalePageFlow        *flow,
                             const EscalePageColor *color)
{
  cairo_set_source_rgb (flow->cr, color->red, color->green, color->blue);
}

PangoLayout *
_escale_page_flow_new_layout (EscalePageFlow *flow,
                              EscalePageFont  font,
                              const char     *text,
                              double          width)
{
  PangoLayout *layout = pango_layout_new (flow->context);

  pango_layout_set_font_description (layout, flow->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

double
_escale_page_flow_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

void
_escale_page_flow_show_layout (EscalePageFlow        *flow,
                               PangoLayout           *layout,
                               const EscalePageColor *color,
                               double                 x,
                               double                 y)
{
  if (!_escale_page_flow_is_drawing (flow))
    return;

  _escale_page_flow_set_color (flow, color);
  cairo_move_to (flow->cr, x, y);
  pango_cairo_show_layout (flow->cr, layout);
}

void
_escale_page_flow_draw_rule (EscalePageFlow *flow,
                             double          x,
                             double          y,
                             double          width,
                             double          line_width)
{
  if (!_escale_page_flow_is_drawing (flow))
    return;

  _escale_page_flow_set_color (flow, &escale_page_rule);
  cairo_set_line_width (flow->cr, line_width);
  cairo_move_to (flow->cr, x, y);
  cairo_line_to (flow->cr, x + width, y);
  cairo_stroke (flow->cr);
}

/* The header and footer: which event, which document, which page. */
static void
draw_chrome (EscalePageFlow *flow)
{
  double half = content_width (flow) / 2 - 6;
  double footer_y = flow->setup.height - MARGIN_BOTTOM - flow->chrome_height;
  EscalePageFont font = ESCALE_PAGE_FONT_CHROME;
  g_autoptr(PangoLayout) start = _escale_page_flow_new_layout (flow, font, flow->setup.header_start, half);
  g_autoptr(PangoLayout) end = _escale_page_flow_new_layout (flow, font, flow->setup.header_end, half);
  g_autoptr(PangoLayout) footer = _escale_page_flow_new_layout (flow, font, flow->setup.footer_start, half);
  g_autofree char *number = NULL;

  pango_layout_set_ellipsize (start, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (end, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (end, PANGO_ALIGN_RIGHT);
  _escale_page_flow_show_layout (flow, start, &escale_page_muted, MARGIN_SIDE, MARGIN_TOP);
  _escale_page_flow_show_layout (flow, end, &escale_page_muted, flow->setup.width - MARGIN_SIDE - half, MARGIN_TOP);
  _escale_page_flow_draw_rule (flow, MARGIN_SIDE, MARGIN_TOP + flow->chrome_height + 4, content_width (flow), 0.5);
  _escale_page_flow_record (flow, flow->setup.header_start);
  _escale_page_flow_record (flow, flow->setup.header_end);

  _escale_page_flow_draw_rule (flow, MARGIN_SIDE, footer_y - 5, content_width (flow), 0.5);
  _escale_page_flow_show_layout (flow, footer, &escale_page_muted, MARGIN_SIDE, footer_y);
  if (flow->setup.footer_start != NULL)
    _escale_page_flow_record (flow, flow->setup.footer_start);

  if (flow->n_pages > 0)
    {
      g_autoptr(PangoLayout) page = NULL;

      /* Translators: the footer of a printed page: its number, then how many pages there are */
      number = g_strdup_printf (_("Page %u of %u"), flow->page + 1, flow->n_pages);
      page = _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_CHROME, number, half);
      pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
      _escale_page_flow_show_layout (flow, page, &escale_page_muted, flow->setup.width - MARGIN_SIDE - half, footer_y);
      _escale_page_flow_record (flow, number);
    }
}

static void
start_page (EscalePageFlow *flow)
{
  flow->y = flow->top;
  draw_chrome (flow);

  if (flow->table != NULL)
    _escale_page_table_continue (flow);
}

void
_escale_page_flow_next_page (EscalePageFlow *flow)
{
  if (flow->cr != NULL && flow->target < 0)
    cairo_show_page (flow->cr);

  flow->page++;
  start_page (flow);
}

/* Starts a new page unless @height fits below, or the page is still empty
 * (what does not fit on an empty page would not fit on the next either). */
static void
ensure_room (EscalePageFlow *flow,
             double          height)
{
  if (flow->y + height > flow->bottom && flow->y > flow->top + 0.5)
    _escale_page_flow_next_page (flow);
}

/* Draws @layout line by line from the current position, going on to the
 * next page between two lines when the bottom is reached. */
static void
flow_lines (EscalePageFlow        *flow,
            PangoLayout           *layout,
            const EscalePageColor *color,
            double                 x)
{
  const char *text = pango_layout_get_text (layout);
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  double portion_top = 0;     /* where the page's part starts, in the layout */
  double portion_y = flow->y; /* and on the page */
  int chunk_start = 0;
  int chunk_end = 0;
  gboolean first_on_page = TRUE;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_top, line_bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = pango_units_to_double (logical.y);
      line_bottom = pango_units_to_double (logical.y + logical.height);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));

      if (portion_y + line_bottom - portion_top > flow->bottom && !(first_on_page && portion_y <= flow->top + 0.5))
        {
          if (chunk_end > chunk_start)
            {
              g_autofree char *chunk = g_strndup (text + chunk_start, chunk_end - chunk_start);

              _escale_page_flow_record (flow, g_strstrip (chunk));
            }
          _escale_page_flow_next_page (flow);
          portion_top = line_top;
          portion_y = flow->y;
          chunk_start = line->start_index;
        }

      if (_escale_page_flow_is_drawing (flow))
        {
          _escale_page_flow_set_color (flow, color);
          cairo_move_to (flow->cr, x + pango_units_to_double (logical.x), portion_y + baseline - portion_top);
          pango_cairo_show_layout_line (flow->cr, line);
        }
      chunk_end = line->start_index + line->length;
      first_on_page = FALSE;
    }
  while (pango_layout_iter_next_line (iter));

  if (chunk_end > chunk_start)
    {
      g_autofree char *chunk = g_strndup (text + chunk_start, chunk_end - chunk_start);

      _escale_page_flow_record (flow, g_strstrip (chunk));
    }

  flow->y = portion_y + _escale_page_flow_layout_height (layout) - portion_top;
}

/**
 * escale_page_flow_new:
 * @setup: the pages' size and running texts
 * @cr: (nullable): where to draw, in points; %NULL only counts the pages
 * @page: the one page to draw, from 0, or -1 to draw them all, each
 *   followed by cairo_show_page()
 * @n_pages: how many pages there are, for the footers; 0 when counting
 * @texts: (nullable) (element-type GPtrArray): receives, per page drawn,
 *   the texts laid out on it
 */
EscalePageFlow *
escale_page_flow_new (const EscalePageSetup *setup,
                      cairo_t               *cr,
                      int                    page,
                      guint                  n_pages,
                      GPtrArray             *texts)
{
  EscalePageFlow *flow;
  cairo_font_options_t *options;
  g_autoptr(PangoLayout) probe = NULL;

  g_return_val_if_fail (setup != NULL && setup->width > 4 * MARGIN_SIDE && setup->height > 4 * MARGIN_TOP, NULL);
  g_return_val_if_fail (page >= -1, NULL);

  flow = g_new0 (EscalePageFlow, 1);
  flow->cr = cr;
  flow->texts = texts;
  flow->target = page;
  flow->n_pages = n_pages;
  flow->setup.width = setup->width;
  flow->setup.height = setup->height;
  flow->setup.header_start = g_strdup (setup->header_start);
  flow->setup.header_end = g_strdup (setup->header_end);
  flow->setup.footer_start = g_strdup (setup->footer_start);

  flow->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (flow->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (flow->context, options);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < ESCALE_PAGE_N_FONTS; i++)
    {
      flow->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (flow->fonts[i], (int) (font_specs[i].size * PANGO_SCALE));
      pango_font_description_set_weight (flow->fonts[i], font_specs[i].weight);
    }

  probe = _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_CHROME, "Page", 100);
  flow->chrome_height = _escale_page_flow_layout_height (probe);
  flow->top = MARGIN_TOP + flow->chrome_height + 18;
  flow->bottom = setup->height - MARGIN_BOTTOM - flow->chrome_height - 14;

  start_page (flow);
  return flow;
}

/**
 * escale_page_flow_finish:
 *
 * Ends the last page: shown when every page is drawn.
 *
 * Returns: how many pages the flow took
 */
guint
escale_page_flow_finish (EscalePageFlow *flow)
{
  g_return_val_if_fail (flow != NULL, 0);

  if (flow->table != NULL)
    escale_page_flow_end_table (flow);
  if (flow->cr != NULL && flow->target < 0)
    cairo_show_page (flow->cr);

  return flow->page + 1;
}

void
escale_page_flow_free (EscalePageFlow *flow)
{
  if (flow == NULL)
    return;

  g_clear_pointer (&flow->table, _escale_page_table_free);
  for (guint i = 0; i < ESCALE_PAGE_N_FONTS; i++)
    pango_font_description_free (flow->fonts[i]);
  g_clear_object (&flow->context);
  g_free ((char *) flow->setup.header_start);
  g_free ((char *) flow->setup.header_end);
  g_free ((char *) flow->setup.footer_start);
  g_free (flow);
}

/**
 * escale_page_flow_get_width:
 *
 * Returns: the width text and tables may take, in points
 */
double
escale_page_flow_get_width (EscalePageFlow *flow)
{
  g_return_val_if_fail (flow != NULL, 0);
  return content_width (flow);
}

void
escale_page_flow_add_space (EscalePageFlow *flow,
                            double          points)
{
  g_return_if_fail (flow != NULL && flow->table == NULL);

  if (flow->y > flow->top + 0.5)
    flow->y += points;
}

void
escale_page_flow_add_text (EscalePageFlow  *flow,
                           EscalePageStyle  style,
                           const char      *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  double before;

  g_return_if_fail (flow != NULL && flow->table == NULL);
  g_return_if_fail (style <= ESCALE_PAGE_STYLE_HEADING);

  if (text == NULL || *text == '\0')
    return;

  layout = _escale_page_flow_new_layout (flow, style_specs[style].font, text, content_width (flow));
  if (style == ESCALE_PAGE_STYLE_KICKER)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
      g_autofree char *upper = g_utf8_strup (text, -1);

      pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (PANGO_SCALE / 2));
      pango_layout_set_attributes (layout, attributes);
      pango_layout_set_text (layout, upper, -1);
    }

  before = flow->y > flow->top + 0.5 ? style_specs[style].space_before : 0;
  if (style == ESCALE_PAGE_STYLE_HEADING)
    ensure_room (flow, before + _escale_page_flow_layout_height (layout) + KEEP_WITH_NEXT);
  if (flow->y > flow->top + 0.5)
    flow->y += style_specs[style].space_before;

  flow_lines (flow, layout, style_specs[style].color, MARGIN_SIDE);
  flow->y += style_specs[style].space_after;
}

/* Strips what a counsellor may have typed as a bullet: "- ", "* ", "• ". */
static const char *
skip_bullet (const char *line)
{
  if (g_str_has_prefix (line, "•"))
    line += strlen ("•");
  else if (*line == '-' || *line == '*')
    line++;
  while (g_ascii_isspace (*line))
    line++;
  return line;
}

/**
 * escale_page_flow_add_bullets:
 * @lines: one item per line
 */
void
escale_page_flow_add_bullets (EscalePageFlow *flow,
                              const char     *lines)
{
  g_auto(GStrv) items = NULL;
  double indent = 14;

  g_return_if_fail (flow != NULL && flow->table == NULL);

  if (lines == NULL)
    return;

  items = g_strsplit (lines, "\n", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = skip_bullet (g_strstrip (items[i]));
      g_autoptr(PangoLayout) layout = NULL;
      g_autoptr(PangoLayout) bullet = NULL;
      PangoLayoutLine *first;
      PangoRectangle logical;

      if (*item == '\0')
        continue;

      layout = _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_BODY, item, content_width (flow) - indent);
      bullet = _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_BODY, "•", indent);
      first = pango_layout_get_line_readonly (layout, 0);
      pango_layout_line_get_extents (first, NULL, &logical);
      ensure_room (flow, pango_units_to_double (logical.height));

      _escale_page_flow_show_layout (flow, bullet, &escale_page_accent, MARGIN_SIDE + 2, flow->y);
      flow_lines (flow, layout, &escale_page_ink, MARGIN_SIDE + indent);
      flow->y += 3;
    }
  flow->y += 2;
}

/**
 * escale_page_flow_add_field:
 * @value: (nullable): nothing is laid out without one
 *
 * A label and its value side by side, kept on one page.
 */
void
escale_page_flow_add_field (EscalePageFlow *flow,
                            const char     *label,
                            const char     *value)
{
  g_autoptr(PangoLayout) label_layout = NULL;
  g_autoptr(PangoLayout) value_layout = NULL;
  g_autofree char *recorded = NULL;
  double height;

  g_return_if_fail (flow != NULL && flow->table == NULL);
  g_return_if_fail (label != NULL);

  if (value == NULL || *value == '\0')
    return;

  label_layout = _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_LABEL, label, LABEL_WIDTH - 8);
  value_layout = _escale_page_flow_new_layout (flow, ESCALE_PAGE_FONT_BODY, value, content_width (flow) - LABEL_WIDTH);
  height = MAX (_escale_page_flow_layout_height (label_layout), _escale_page_flow_layout_height (value_layout));
  ensure_room (flow, height);

  /* The label's smaller text sits on the value's first baseline. */
  _escale_page_flow_show_layout (flow, label_layout, &escale_page_muted, MARGIN_SIDE,
               flow->y + (pango_units_to_double (pango_layout_get_baseline (value_layout)) -
                          pango_units_to_double (pango_layout_get_baseline (label_layout))));
  _escale_page_flow_show_layout (flow, value_layout, &escale_page_ink, MARGIN_SIDE + LABEL_WIDTH, flow->y);
  recorded = g_strdup_printf ("%s\t%s", label, value);
  _escale_page_flow_record (flow, recorded);
  flow->y += height + 5;
}
