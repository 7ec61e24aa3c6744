/* bt-cli-options.h: bitext-cli's command line, read without printing or
 * exiting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-aligner.h"
#include "bt-document.h"

G_BEGIN_DECLS

/* Exit statuses, as the design gives them. */
enum
{
  BT_CLI_OK = 0,
  BT_CLI_BAD_INPUT = 1,
  BT_CLI_USAGE = 2,
};

typedef enum
{
  BT_CLI_COMMAND_NONE,
  BT_CLI_COMMAND_SEGMENT,
  BT_CLI_COMMAND_SPLIT,
  BT_CLI_COMMAND_CONVERT,
  BT_CLI_COMMAND_VALIDATE,
  BT_CLI_COMMAND_STATS,
  BT_CLI_COMMAND_ALIGN,
  BT_CLI_N_COMMANDS,
} BtCliCommand;

typedef struct
{
  BtCliCommand     command;
  char           **files;       /* the arguments that are not options */

  /* As given on the command line; NULL when absent */
  char            *lang;
  char            *format;      /* align fills in its default, json */
  char            *encoding;
  char            *paragraphs;
  char            *source;
  char            *target;
  char            *output;
  char            *dictionary;
  char            *units;
  char            *bilingual;
  char            *disable;
  gboolean         explain;

  /* Read from the strings above */
  gboolean         guess_language;
  BtLanguage       language;
  BtParagraphMode  paragraph_mode;
  BtSignal         disabled;

  /* With BT_CLI_COMMAND_NONE: the exit status and what to print first */
  int              status;
  char            *error;       /* for "bitext-cli: ERROR" on stderr */
  char            *help;        /* a command's help, in GLib's charset handling */
  char            *text;        /* bitext-cli's usage or version, as is */
} BtCliOptions;

/* @options must start zeroed. Returns TRUE when options->command should
 * run; FALSE when there is only something to print and options->status
 * to exit with (0 for --help and --version). Any usage error comes out
 * here, before a file is touched. */
gboolean bt_cli_options_parse (BtCliOptions  *options,
                               int            argc,
                               char         **argv);
void     bt_cli_options_clear (BtCliOptions  *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BtCliOptions, bt_cli_options_clear)

G_END_DECLS
