/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "escale-test"

#include "config.h"

#include <glib/gstdio.h>

#include "test-folder.h"

char *
test_folder_new (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("escale-test-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

/* Also removes the database's -wal and -shm companions, and a read-only
 * folder's contents once a test has given back its permissions. */
void
test_folder_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      test_folder_remove (child);
    }
  g_rmdir (path);
}
