'use client';

import type { NodeType } from '@cascade/workflow';
import type { ComponentType } from 'react';
import { ApprovalFields } from './approval-fields';
import { EmitFields, TriggerFields, WaitForEventFields } from './event-node-fields';
import { ConditionFields, DelayFields, ForEachFields, JoinFields, SwitchFields } from './flow-node-fields';
import type { NodeEditor } from './node-editor';
import { ActionFields, FailFields, SetVariablesFields, SubWorkflowFields } from './work-node-fields';

/** Each node type's own fields; parallel and end have none. */
const FIELDS_BY_TYPE: Partial<Record<NodeType, ComponentType<{ editor: NodeEditor }>>> = {
  trigger: TriggerFields,
  action: ActionFields,
  condition: ConditionFields,
  switch: SwitchFields,
  join: JoinFields,
  forEach: ForEachFields,
  delay: DelayFields,
  waitForEvent: WaitForEventFields,
  approval: ApprovalFields,
  emit: EmitFields,
  setVariables: SetVariablesFields,
  subWorkflow: SubWorkflowFields,
  fail: FailFields,
};

export function NodeFields({ editor }: { editor: NodeEditor }) {
  const Fields = FIELDS_BY_TYPE[editor.node.type as NodeType];
  return Fields ? <Fields editor={editor} /> : null;
}
