/* bt-window.h: the review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bt-review.h"

G_BEGIN_DECLS

#define BT_TYPE_WINDOW (bt_window_get_type ())
G_DECLARE_FINAL_TYPE (BtWindow, bt_window, BT, WINDOW, AdwApplicationWindow)

BtWindow *bt_window_new         (GtkApplication  *application);
/* A source and a target, one bilingual file, or one review (.xlf). */
void      bt_window_open_files  (BtWindow        *self,
                                 GFile          **files,
                                 guint            n_files);
void      bt_window_open_sample (BtWindow        *self);
BtReview *bt_window_get_review  (BtWindow        *self);
/* TRUE while files are being read or aligned, or a review written. */
gboolean  bt_window_get_busy    (BtWindow        *self);
/* The file the review was read from or last saved to, or NULL. */
GFile    *bt_window_get_file    (BtWindow        *self);
/* Sets @application's accelerators for the window's actions. */
void      bt_window_set_accels  (GtkApplication  *application);

G_END_DECLS
