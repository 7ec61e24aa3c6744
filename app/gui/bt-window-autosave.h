/* bt-window-autosave.h: recovery copies of the window's review, and
 * restoring them after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-window.h"

G_BEGIN_DECLS

/* Keeps a recovery copy of the window's review while it has unsaved
 * changes; call whenever the window is given a review. */
void      _bt_window_autosave_attach  (BtWindow *self);
/* Window actions for scripts and tests, beside the window's own:
 * select-paragraph (u), select-sentence (u), save-to (s: a path). */
void      _bt_window_remote_init      (BtWindow *self);

/* Offers, over @window, to restore the reviews a crash left behind;
 * Restore puts the first into @window when it is empty or shows the
 * unchanged sample, and each other into a window of its own. The dialog's answers are also the
 * window actions restore-recovery and discard-recovery. Returns FALSE
 * when there is nothing to restore. */
gboolean  bt_window_offer_recovery    (BtWindow *window);

G_END_DECLS
