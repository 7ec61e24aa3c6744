/* bt-command.h: the review's edits as objects that apply and revert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-review.h"

G_BEGIN_DECLS

typedef struct _BtCommand BtCommand;

/* Labels are translated strings, kept by reference; a group's is copied. */

BtCommand  *bt_command_new_link       (const char       *label,
                                       const BtLink     *before,
                                       const BtLink     *after);
BtCommand  *bt_command_new_omission   (const char       *label,
                                       const BtOmission *before,
                                       const BtOmission *after);
BtCommand  *bt_command_new_addition   (const char       *label,
                                       const BtAddition *before,
                                       const BtAddition *after);
BtCommand  *bt_command_new_status     (guint             paragraph,
                                       BtStatus          before,
                                       BtStatus          after);
BtCommand  *bt_command_new_note       (guint             paragraph,
                                       const char       *before,
                                       const char       *after);
BtCommand  *bt_command_new_threshold  (double            before,
                                       double            after);

typedef enum
{
  BT_STRUCTURE_SPLIT_PARAGRAPH,
  BT_STRUCTURE_MERGE_PARAGRAPHS,
  BT_STRUCTURE_SPLIT_SENTENCE,
  BT_STRUCTURE_MERGE_SENTENCES,
} BtStructureEdit;

BtCommand  *bt_command_new_structure  (BtStructureEdit   edit,
                                       guint             index,
                                       guint             at_char);
BtCommand  *bt_command_new_group      (const char       *label);
void        bt_command_group_add      (BtCommand        *group,
                                       BtCommand        *child);
guint       bt_command_group_get_size (BtCommand        *group);

/* FALSE when the edit could not be made; the review is then unchanged. */
gboolean    bt_command_apply          (BtCommand        *self,
                                       BtReview         *review);
void        bt_command_revert         (BtCommand        *self,
                                       BtReview         *review);
const char *bt_command_get_label      (BtCommand        *self);
void        bt_command_free           (BtCommand        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtCommand, bt_command_free)

G_END_DECLS
