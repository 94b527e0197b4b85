import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, count, entityId, flag, jsonObject, label, tenantId, text } from '../../fields';

const taskId = () => entityId('Agent task the event is about');
const workOrderId = () => entityId('Work order the agent works on');
const agentNode = () => label('Agent node of the orchestration graph');
const circuitState = (description: string) => choice(['CLOSED', 'OPEN', 'HALF_OPEN'], description);

export const agentTaskDispatched = defineEvent({
  type: 'agent.task_dispatched',
  displayName: 'Agent Task Dispatched',
  description: 'The orchestrator handed a task to an agent node with a model and a token budget.',
  category: 'Agents',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    workOrderId: workOrderId(),
    agentNode: agentNode(),
    modelAssignment: label('Model the task runs on: haiku, sonnet or opus'),
    tokenBudget: count('Most tokens the task may consume'),
    pattern: choice(['CHAIN', 'ROUTE', 'PARALLEL', 'ORCH_WORKERS', 'EVAL_OPT'], 'Orchestration pattern the task runs in'),
  }),
  example: {
    tenantId: 'acme-biologics',
    taskId: '0195f2d0-1234-7d00-8000-00000000a001',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    agentNode: 'compliance-reviewer',
    modelAssignment: 'sonnet',
    tokenBudget: 40000,
    pattern: 'EVAL_OPT',
  },
});

export const agentCircuitBreakerStateChanged = defineEvent({
  type: 'agent.circuit_breaker_state_changed',
  displayName: 'Agent Circuit Breaker State Changed',
  description: 'The circuit breaker in front of an agent node opened, closed or went half-open.',
  category: 'Agents',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    agentNode: agentNode(),
    previousState: circuitState('Breaker state before the change'),
    newState: circuitState('Breaker state after the change'),
    failureCount: count('Consecutive failures counted by the breaker'),
    lastFailureReason: text('Reason of the most recent failure'),
  }),
  example: {
    tenantId: 'acme-biologics',
    agentNode: 'compliance-reviewer',
    previousState: 'CLOSED',
    newState: 'OPEN',
    failureCount: 5,
    lastFailureReason: 'Model request timed out after 60s',
  },
});

export const agentCheckpointReached = defineEvent({
  type: 'agent.checkpoint_reached',
  displayName: 'Agent Checkpoint Reached',
  description: 'An agent reached a checkpoint (decision, compliance gate, security finding, blocker), possibly needing a human.',
  category: 'Agents',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    taskId: taskId(),
    workOrderId: workOrderId(),
    checkpointType: choice(
      ['ARCHITECTURE_DECISION', 'COMPLIANCE_GATE', 'SECURITY_FINDING', 'BLOCKER'],
      'Kind of checkpoint',
    ),
    description: text('What the agent needs or found'),
    requiresHumanApproval: flag('Whether a human must approve before the agent continues'),
    context: jsonObject('Checkpoint details supplied by the agent'),
  }),
  example: {
    tenantId: 'acme-biologics',
    taskId: '0195f2d0-1234-7d00-8000-00000000a001',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    checkpointType: 'COMPLIANCE_GATE',
    description: 'Deviation report needs QA sign-off before closing.',
    requiresHumanApproval: true,
    context: { deviationId: 'DEV-2026-031', draftedBy: 'compliance-reviewer' },
  },
});
