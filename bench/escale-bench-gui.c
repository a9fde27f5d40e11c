/* SPDX-License-Identifier: GPL-3.0-or-later */

/* escale-bench-gui: the participants page on a large database, as a
 * counsellor sees it. It times opening the page until its first frame,
 * then each keystroke of a search from the edit to the next painted
 * frame, and prints the median. Run it under a display (bench/run uses
 * Xvfb). */

#define G_LOG_DOMAIN "escale-bench"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "escale-context.h"
#include "escale-participants-page.h"

static const char * const keystrokes[] = {
  "t", "tr", "tre", "trem", "tremblay",
  "m", "ma", "mar", "mari", "marie",
  "n", "ng", "nguy", "514", "514 555", "soud", "infirm",
};

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until the window has painted a frame showing the current state. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static GtkWidget *
find_search_entry (GtkWidget *root)
{
  if (GTK_IS_SEARCH_ENTRY (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscaleContext) context = NULL;
  double per_keystroke[G_N_ELEMENTS (keystrokes)];
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *search;
  gint64 start;
  double open_ms;

  if (argc != 2)
    {
      g_printerr ("Usage: escale-bench-gui DATABASE  (see bench/run)\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  context = escale_context_open (argv[1], &error);
  if (context == NULL)
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  page = g_object_new (ESCALE_TYPE_PARTICIPANTS_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);

  start = g_get_monotonic_time ();
  escale_participants_page_set_context (ESCALE_PARTICIPANTS_PAGE (page), context);
  wait_for_frame (window);
  open_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* Typed as a counsellor types: letters added at the end of the search,
   * or the search replaced by a new one (which empties it first). The
   * entry's own typing delay is left out: from the edit to the frame that
   * shows its answer. */
  search = find_search_entry (page);
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (search), 0);
  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    {
      GtkEditable *editable = GTK_EDITABLE (search);
      gsize kept = g_str_has_prefix (keystrokes[k], gtk_editable_get_text (editable))
                     ? strlen (gtk_editable_get_text (editable)) : 0;
      int position = g_utf8_strlen (keystrokes[k], kept);

      start = g_get_monotonic_time ();
      if (kept == 0)
        gtk_editable_delete_text (editable, 0, -1);
      gtk_editable_insert_text (editable, keystrokes[k] + kept, -1, &position);
      wait_for_frame (window);
      per_keystroke[k] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (per_keystroke, G_N_ELEMENTS (keystrokes), sizeof (double), compare_doubles);

  g_print ("%-36s %10u %12.3f\n", "participants page: open, first frame",
           escale_participant_repository_count (escale_context_get_participants (context)), open_ms);
  g_print ("%-36s %10u %12.3f\n", "participants page: keystroke, frame",
           escale_participant_repository_count (escale_context_get_participants (context)),
           per_keystroke[G_N_ELEMENTS (keystrokes) / 2]);
  g_print ("%-36s %10u %12.3f\n", "participants page: slowest keystroke",
           escale_participant_repository_count (escale_context_get_participants (context)),
           per_keystroke[G_N_ELEMENTS (keystrokes) - 1]);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
