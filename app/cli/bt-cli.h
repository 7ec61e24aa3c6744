/* bt-cli.h: the subcommands of bitext-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-document.h"

G_BEGIN_DECLS

/* Exit statuses, as the design gives them. */
enum
{
  BT_CLI_OK = 0,
  BT_CLI_BAD_INPUT = 1,
  BT_CLI_USAGE = 2,
};

/* Each takes the arguments after the subcommand's name (argv[0] is the
 * subcommand) and returns an exit status. */
int bt_cli_segment  (int argc, char **argv);
int bt_cli_split    (int argc, char **argv);
int bt_cli_convert  (int argc, char **argv);
int bt_cli_validate (int argc, char **argv);
int bt_cli_stats    (int argc, char **argv);
int bt_cli_align    (int argc, char **argv);

/* Prints "bitext-cli: MESSAGE" to stderr. */
void bt_cli_error   (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Shared by segment and split: "auto", "lines" or "blank"; complains and
 * returns FALSE on anything else. */
gboolean bt_cli_parse_paragraph_mode (const char      *string,
                                      BtParagraphMode *mode);
/* Loads @path as text, complaining on failure; returns an exit status. */
int      bt_cli_load_text            (const char      *path,
                                      const char      *encoding,
                                      BtText         **text);

G_END_DECLS
