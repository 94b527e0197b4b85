import { choice } from '../../fields';

/** Channels a ticket message can arrive through (000 spells them out on TICKET_MESSAGE_ADDED). */
export const ticketChannel = (description = 'Channel the message arrived through') =>
  choice(['email', 'portal', 'ui', 'api'], description);

/** Tickets and appointments are assigned either to one agent or to a team. */
export const assigneeType = (description: string) => choice(['user', 'team'], description);
