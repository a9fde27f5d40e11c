/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "escale-application.h"
#include "escale-window.h"

G_BEGIN_DECLS

/* What every GUI test needs to drive the real window: one registered
 * application, a throwaway database with or without demonstration data,
 * widget lookup by type and label, and screenshots. */

typedef struct
{
  char         *folder;
  char         *path;
  EscaleWindow *window;
} GuiTestFixture;

void               gui_test_init             (int            *argc,
                                              char         ***argv);
int                gui_test_run              (void);
EscaleApplication *gui_test_get_application  (void);

/* The fixture's data: FALSE for an empty database, TRUE for the partners of
 * the demonstration data, GUI_TEST_DEMO_WITH_PARTICIPANTS for its
 * participants too. */
#define GUI_TEST_DEMO_WITH_PARTICIPANTS 2

void               gui_test_fixture_set_up   (GuiTestFixture *fixture,
                                              gconstpointer   with_demo);
void               gui_test_fixture_tear_down (GuiTestFixture *fixture,
                                               gconstpointer   with_demo);

typedef gboolean (*GuiTestCondition) (gconstpointer data);

void               gui_test_spin             (guint           milliseconds);
gboolean           gui_test_wait_until       (GuiTestCondition condition,
                                              gconstpointer    data);
void               gui_test_search           (GtkSearchEntry *entry,
                                              const char     *text);
GtkWidget         *gui_test_find_widget      (GtkWidget      *root,
                                              GType           type,
                                              const char     *title);
GtkStack          *gui_test_find_stack_with_page (GtkWidget  *root,
                                                  const char *page);
GtkWindow         *gui_test_find_toplevel    (GType           type);
gboolean           gui_test_label_shown      (GtkWidget      *root,
                                              const char     *text);
void               gui_test_assert_label_shown (GtkWidget    *root,
                                                const char   *text);
const char        *gui_test_row_subtitle     (GtkWidget      *root,
                                              const char     *title);
gint64             gui_test_register_new_person (EscaleContext *context,
                                                 gint64         event_id,
                                                 const char    *given_name);
gint64             gui_test_days_from_now    (int             days,
                                              int             hour,
                                              int             minute);
GListModel        *gui_test_shown_partners   (GuiTestFixture *fixture);

/* What a counsellor does with the mouse and the keyboard. */
void               gui_test_show_section     (GuiTestFixture *fixture,
                                              const char     *name);
void               gui_test_click            (GtkWidget      *button);
void               gui_test_respond          (const char     *button);
void               gui_test_choose           (GtkWidget      *menu,
                                              const char     *label);
void               gui_test_activate_menu_item (GtkMenuButton *button,
                                                const char    *label);
GtkWidget         *gui_test_press_shortcut   (GtkWindow      *window,
                                              const char     *accelerator);

void               gui_test_save_screenshot  (GtkWidget      *widget,
                                              const char     *name);

G_END_DECLS
