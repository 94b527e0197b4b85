import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { calendarDate, choice, count, entityId, label, positiveInteger, tenantId, timestamp } from '../../fields';

const communityId = () => entityId('Community the event is about');

export const communityCreated = defineEvent({
  type: 'community.created',
  displayName: 'Community Created',
  description: 'A community was created.',
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    name: label('Community name'),
    visibility: choice(['public', 'private'], 'Whether anyone can find and join the community').optional(),
    createdByUserId: entityId('User who created the community'),
    createdAt: timestamp('When the community was created'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    name: 'Statistics learners',
    visibility: 'public',
    createdByUserId: 'usr_mina_77',
    createdAt: '2026-01-06T09:00:00Z',
  },
});

export const communityPointsAwarded = defineEvent({
  type: 'community.points.awarded',
  displayName: 'Community Points Awarded',
  description: 'A member earned engagement points.',
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    userId: entityId('Member who earned the points'),
    points: positiveInteger('Points awarded'),
    newTotal: count('Member\'s point total after the award'),
    reason: label('What earned the points, e.g. post_created or answer_accepted'),
    awardedAt: timestamp('When the points were awarded'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    userId: 'usr_8f2k1m9q',
    points: 10,
    newTotal: 240,
    reason: 'answer_accepted',
    awardedAt: '2026-02-12T08:00:00Z',
  },
});

export const communityStreakUpdated = defineEvent({
  type: 'community.streak.updated',
  displayName: 'Community Streak Updated',
  description: "A member's daily activity streak grew or was reset.",
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    userId: entityId('Member whose streak changed'),
    previousStreakDays: count('Streak length before, in days'),
    newStreakDays: count('Streak length now, in days; 0 when reset'),
    updatedAt: timestamp('When the streak changed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    userId: 'usr_8f2k1m9q',
    previousStreakDays: 6,
    newStreakDays: 7,
    updatedAt: '2026-02-12T08:00:01Z',
  },
});

export const communityEngagementLeaderboardGenerated = defineEvent({
  type: 'community.engagement.leaderboard.generated',
  displayName: 'Community Leaderboard Generated',
  description: 'The engagement leaderboard of a community was computed for a period.',
  category: 'Community',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    communityId: communityId(),
    leaderboardId: entityId('Leaderboard that was generated'),
    periodStart: calendarDate('First day of the period'),
    periodEnd: calendarDate('Last day of the period'),
    entries: z
      .array(
        z.object({
          rank: positiveInteger('Position on the leaderboard, 1 for the top'),
          userId: entityId('Member'),
          points: count('Points earned in the period'),
        }),
      )
      .describe('Top members of the period, best first'),
    generatedAt: timestamp('When the leaderboard was generated'),
  }),
  example: {
    tenantId: 'lumen-academy',
    communityId: 'com_stats_learners',
    leaderboardId: 'lb_2026w07',
    periodStart: '2026-02-09',
    periodEnd: '2026-02-15',
    entries: [
      { rank: 1, userId: 'usr_8f2k1m9q', points: 120 },
      { rank: 2, userId: 'usr_q7w8e9r0', points: 95 },
    ],
    generatedAt: '2026-02-16T00:05:00Z',
  },
});
