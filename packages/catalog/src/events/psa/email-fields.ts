import { z } from 'zod';
import { entityId, label } from '../../fields';

/** Address as it appeared in the message header; display names ("Ana <ana@x.example>") are allowed. */
export const mailAddress = (description: string) => label(description);

export const mailAddresses = (description: string) => z.array(label('Address')).describe(description);

export const emailProvider = () => label('Mail provider that handled the message, e.g. google, microsoft or smtp');

export const emailMessageId = (description = 'Email message the event is about') => entityId(description);

export const providerMessageId = () => label('Id the mail provider gave the message');

export const emailThreadId = () => entityId('Conversation thread the message belongs to');
