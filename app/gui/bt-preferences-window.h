/* bt-preferences-window.h: the reviewer's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BT_TYPE_PREFERENCES_WINDOW (bt_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BtPreferencesWindow, bt_preferences_window, BT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *bt_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
