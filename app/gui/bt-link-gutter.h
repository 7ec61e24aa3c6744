/* bt-link-gutter.h: curves between linked rows of the two panes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bt-review.h"

G_BEGIN_DECLS

#define BT_TYPE_LINK_GUTTER (bt_link_gutter_get_type ())
G_DECLARE_FINAL_TYPE (BtLinkGutter, bt_link_gutter, BT, LINK_GUTTER, GtkWidget)

GtkWidget *bt_link_gutter_new           (void);
void       bt_link_gutter_set_views     (BtLinkGutter *self,
                                         GtkListView  *source_view,
                                         GtkListView  *target_view);
void       bt_link_gutter_set_review    (BtLinkGutter *self,
                                         BtReview     *review);
/* The paragraph whose links stand out, or GTK_INVALID_LIST_POSITION. */
void       bt_link_gutter_set_paragraph (BtLinkGutter *self,
                                         guint         paragraph);
/* Curves drawn by the last snapshot; for tests. */
guint      bt_link_gutter_get_n_drawn   (BtLinkGutter *self);

G_END_DECLS
