/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "escale-toast.h"

/**
 * escale_toast_show:
 * @widget: what the news comes from: the nearest toast overlay above it
 *   shows the toast, so that the pages of a window share the window's
 *   and their toasts never lie over each other
 * @fallback: the overlay to use when there is none above @widget, as for
 *   a window or a page on its own
 * @shown: (inout): a weak pointer to the last toast from @widget, which the
 *   new one replaces; clear it with g_clear_weak_pointer() at dispose
 * @title: the news
 *
 * Shows the newest news at once, in place of the last from the same
 * source, rather than behind it.
 */
void
escale_toast_show (GtkWidget        *widget,
                   AdwToastOverlay  *fallback,
                   AdwToast        **shown,
                   const char       *title)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *outer = parent != NULL ? gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY) : NULL;
  AdwToast *toast = adw_toast_new (title);

  if (*shown != NULL)
    adw_toast_dismiss (*shown);
  g_set_weak_pointer (shown, toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (outer != NULL ? ADW_TOAST_OVERLAY (outer) : fallback, toast);
}
