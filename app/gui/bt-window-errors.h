/* bt-window-errors.h: failures told in words a reviewer can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-window.h"

G_BEGIN_DECLS

/* What the window was doing when @error happened. */
typedef enum
{
  BT_TASK_OPEN,
  BT_TASK_SAVE,
  BT_TASK_DICTIONARY,
} BtTask;

/* The error's message followed by what to do about it, found by looking
 * at @file (and its folder) where that tells more than the error: a
 * missing file, a folder without write permission, a full disk. */
char     *bt_error_explain               (const GError *error,
                                          BtTask        task,
                                          GFile        *file);

/* Remembers the state on disk of the window's file (call after opening
 * and after each save). */
void      _bt_window_errors_track_file   (BtWindow     *self);
/* TRUE when @file is the window's file and it changed on disk since it
 * was opened or saved; then a dialog asks whether to save over it and,
 * if so, saves. Call before saving; FALSE means go ahead. */
gboolean  _bt_window_ask_overwrite       (BtWindow     *self,
                                          GFile        *file,
                                          gboolean      then_close);
/* Shows why opening failed and what to do. */
void      _bt_window_show_open_error     (BtWindow     *self,
                                          GFile        *file,
                                          const GError *error);
/* Shows why saving failed and what to do; the review stays as it is,
 * with its changes. */
void      _bt_window_show_save_error     (BtWindow     *self,
                                          GFile        *file,
                                          const GError *error);

G_END_DECLS
