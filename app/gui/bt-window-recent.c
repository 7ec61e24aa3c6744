/* bt-window-recent.c: the reviews opened lately
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-loader.h"
#include "bt-window-private.h"

#define MAX_RECENT 8

static gint
compare_visited (gconstpointer a,
                 gconstpointer b)
{
  GDateTime *x = gtk_recent_info_get_visited ((GtkRecentInfo *) a);
  GDateTime *y = gtk_recent_info_get_visited ((GtkRecentInfo *) b);

  return -g_date_time_compare (x, y);
}

static gboolean
is_recent_review (GtkRecentInfo *info)
{
  g_autoptr (GFile) file = NULL;

  if (!gtk_recent_info_is_local (info) || !gtk_recent_info_exists (info))
    return FALSE;
  file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  return bt_loader_is_review_file (file);
}

static void
fill_menu (BtWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = g_list_sort (gtk_recent_manager_get_items (manager), compare_visited);
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr (GMenuItem) item = NULL;

      if (!is_recent_review (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
open_recent_activate (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  bt_window_open_files (user_data, &file, 1);
}

static const GActionEntry recent_actions[] = {
  { "open-recent", open_recent_activate, "s", NULL, NULL, { 0 } },
};

/* The list is read after the first frame, not before it. */
static gboolean
fill_later_cb (gpointer user_data)
{
  BtWindow *self = user_data;

  fill_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (fill_menu),
                           self, G_CONNECT_SWAPPED);
  return G_SOURCE_REMOVE;
}

void
_bt_window_init_recent (BtWindow *self)
{
  g_return_if_fail (BT_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), recent_actions,
                                   G_N_ELEMENTS (recent_actions), self);
  g_idle_add_full (G_PRIORITY_LOW, fill_later_cb, g_object_ref (self), g_object_unref);
}
