import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, count, durationMs, entityId, label, tenantId, text } from '../../fields';

// Two versions run side by side (002 §9): v2 splits `tokensConsumed` into input and output tokens,
// which cost differently. Dropping a field is a major change, so consumers of v1 keep receiving v1.

const taskResult = () => choice(['SUCCESS', 'PARTIAL', 'FAILED'], 'Outcome of the task');

export const agentTaskCompletedV1 = defineEvent({
  type: 'agent.task_completed',
  displayName: 'Agent Task Completed',
  description: 'An agent finished a task, successfully, partially or not at all.',
  category: 'Agents',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    taskId: entityId('Agent task that finished'),
    workOrderId: entityId('Work order the agent worked on'),
    agentNode: label('Agent node of the orchestration graph'),
    tokensConsumed: count('Tokens the task consumed'),
    durationMs: durationMs(),
    result: taskResult(),
    outputSummary: text('Summary of what the agent produced'),
  }),
  example: {
    tenantId: 'acme-biologics',
    taskId: '0195f2d0-1234-7d00-8000-00000000a001',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    agentNode: 'compliance-reviewer',
    tokensConsumed: 18250,
    durationMs: 41210,
    result: 'SUCCESS',
    outputSummary: 'Checked 14 audit entries; no gaps. Drafted deviation report DEV-2026-031.',
  },
});

export const agentTaskCompletedV2 = defineEvent({
  type: 'agent.task_completed',
  version: 2,
  displayName: 'Agent Task Completed',
  description: 'An agent finished a task, successfully, partially or not at all; token usage split into input and output.',
  category: 'Agents',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    taskId: entityId('Agent task that finished'),
    workOrderId: entityId('Work order the agent worked on'),
    agentNode: label('Agent node of the orchestration graph'),
    modelAssignment: label('Model the task ran on: haiku, sonnet or opus').optional(),
    tokenUsage: z
      .object({
        inputTokens: count('Prompt tokens the task consumed'),
        outputTokens: count('Completion tokens the task produced'),
      })
      .describe('Tokens the task consumed, by direction'),
    durationMs: durationMs(),
    result: taskResult(),
    outputSummary: text('Summary of what the agent produced'),
  }),
  example: {
    tenantId: 'acme-biologics',
    taskId: '0195f2d0-1234-7d00-8000-00000000a001',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    agentNode: 'compliance-reviewer',
    modelAssignment: 'sonnet',
    tokenUsage: { inputTokens: 15020, outputTokens: 3230 },
    durationMs: 41210,
    result: 'SUCCESS',
    outputSummary: 'Checked 14 audit entries; no gaps. Drafted deviation report DEV-2026-031.',
  },
});
