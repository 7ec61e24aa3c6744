/* bt-cli.h: the subcommands of bitext-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-cli-options.h"
#include "bt-document.h"

G_BEGIN_DECLS

/* Each runs from options that bt_cli_options_parse() accepted and returns
 * an exit status. */
int bt_cli_segment  (const BtCliOptions *options);
int bt_cli_split    (const BtCliOptions *options);
int bt_cli_convert  (const BtCliOptions *options);
int bt_cli_validate (const BtCliOptions *options);
int bt_cli_stats    (const BtCliOptions *options);
int bt_cli_align    (const BtCliOptions *options);

/* Prints "bitext-cli: MESSAGE" to stderr. */
void bt_cli_error   (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Loads @path as text, complaining on failure; returns an exit status. */
int  bt_cli_load_text (const char  *path,
                       const char  *encoding,
                       BtText     **text);

G_END_DECLS
