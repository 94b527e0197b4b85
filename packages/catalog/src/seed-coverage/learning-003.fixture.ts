// The seed document 003_e889906b806fd505.txt (see /work/shared/seeds/README.md) is a change log: it
// names events with `a/b` alternatives and `*` groups, and describes some only in prose. Each entry
// is one concrete event, with the source phrase it comes from. 003 lists no payload fields.
// Do not edit it to match the catalog.

export interface LearningSeedEvent {
  type: string;
  /** The words of 003 the event comes from. */
  source: string;
}

export const events003: LearningSeedEvent[] = [
  // "domain event recording (`domain_events` table) for user registrations and community creation"
  { type: 'user.registered', source: 'user registrations' },
  { type: 'community.created', source: 'community creation' },
  // "`content_asset_events` to capture view/download/progress actions with actor metadata"
  { type: 'content.asset.viewed', source: 'view' },
  { type: 'content.asset.downloaded', source: 'download' },
  { type: 'content.asset.progressed', source: 'progress actions' },
  // "`content_audit_logs` now record lifecycle state changes (upload confirmed, processing completed, ingestion failures)"
  { type: 'content.upload.confirmed', source: 'upload confirmed' },
  { type: 'content.processing.completed', source: 'processing completed' },
  { type: 'content.ingestion.failed', source: 'ingestion failures' },
  // "capture login failures, lockouts (with remaining-attempt telemetry), verification issuance, verification completion,
  //  session rotation (`user.session_rotated`), and logout events (`user.session_revoked`, `user.sessions_revoked`)"
  { type: 'user.login_failed', source: 'login failures' },
  { type: 'user.account_locked', source: 'lockouts' },
  { type: 'user.verification_issued', source: 'verification issuance' },
  { type: 'user.verification_completed', source: 'verification completion' },
  { type: 'user.session_rotated', source: '`user.session_rotated`' },
  { type: 'user.session_revoked', source: '`user.session_revoked`' },
  { type: 'user.sessions_revoked', source: '`user.sessions_revoked`' },
  // "`data_retention_audit_logs` to persist per-policy enforcement metadata (rows affected, sample IDs, dry-run flags)"
  { type: 'data_retention.policy_enforced', source: 'per-policy enforcement' },
  // "Course lifecycle emits domain events (`course.created`, `course.updated`, `course.module.*`, `course.lesson.*`,
  //  `course.assignment.*`, `course.progress.updated`, `course.enrollment.updated`) ... aligned with authoring actions"
  { type: 'course.created', source: '`course.created`' },
  { type: 'course.updated', source: '`course.updated`' },
  { type: 'course.module.created', source: '`course.module.*` (authoring: create)' },
  { type: 'course.module.updated', source: '`course.module.*` (authoring: update)' },
  { type: 'course.module.deleted', source: '`course.module.*` (authoring: delete)' },
  { type: 'course.lesson.created', source: '`course.lesson.*` (authoring: create)' },
  { type: 'course.lesson.updated', source: '`course.lesson.*` (authoring: update)' },
  { type: 'course.lesson.deleted', source: '`course.lesson.*` (authoring: delete)' },
  { type: 'course.assignment.created', source: '`course.assignment.*` (authoring: create)' },
  { type: 'course.assignment.updated', source: '`course.assignment.*` (authoring: update)' },
  { type: 'course.assignment.deleted', source: '`course.assignment.*` (authoring: delete)' },
  { type: 'course.progress.updated', source: '`course.progress.updated`' },
  { type: 'course.enrollment.updated', source: '`course.enrollment.updated`' },
  // "`ebook_watermark_events` to persist every DRM download issuance with device/IP metadata"
  { type: 'ebook.download.issued', source: 'DRM download issuance' },
  // "`tutor.profile.created/updated`, `tutor.availability.published`, `tutor.booking.requested/confirmed/cancelled`,
  //  `live_classroom.scheduled`, `live_classroom.registration.created/cancelled`, `live_classroom.session.started/ended`,
  //  and `live_classroom.chat.message_logged`"
  { type: 'tutor.profile.created', source: '`tutor.profile.created/updated`' },
  { type: 'tutor.profile.updated', source: '`tutor.profile.created/updated`' },
  { type: 'tutor.availability.published', source: '`tutor.availability.published`' },
  { type: 'tutor.booking.requested', source: '`tutor.booking.requested/confirmed/cancelled`' },
  { type: 'tutor.booking.confirmed', source: '`tutor.booking.requested/confirmed/cancelled`' },
  { type: 'tutor.booking.cancelled', source: '`tutor.booking.requested/confirmed/cancelled`' },
  { type: 'live_classroom.scheduled', source: '`live_classroom.scheduled`' },
  { type: 'live_classroom.registration.created', source: '`live_classroom.registration.created/cancelled`' },
  { type: 'live_classroom.registration.cancelled', source: '`live_classroom.registration.created/cancelled`' },
  { type: 'live_classroom.session.started', source: '`live_classroom.session.started/ended`' },
  { type: 'live_classroom.session.ended', source: '`live_classroom.session.started/ended`' },
  { type: 'live_classroom.chat.message_logged', source: '`live_classroom.chat.message_logged`' },
  // "`community.points.awarded`, `community.streak.updated`, `community.engagement.leaderboard.generated`,
  //  `community.event.created`, `community.event.rsvp.updated`, and `community.event.reminder.*` events so ...
  //  dashboards capture programme health and reminder outcomes"
  { type: 'community.points.awarded', source: '`community.points.awarded`' },
  { type: 'community.streak.updated', source: '`community.streak.updated`' },
  { type: 'community.engagement.leaderboard.generated', source: '`community.engagement.leaderboard.generated`' },
  { type: 'community.event.created', source: '`community.event.created`' },
  { type: 'community.event.rsvp.updated', source: '`community.event.rsvp.updated`' },
  { type: 'community.event.reminder.sent', source: '`community.event.reminder.*` (reminder outcome: sent)' },
  { type: 'community.event.reminder.failed', source: '`community.event.reminder.*` (reminder outcome: failed)' },
  // "`community.message.created`, `community.message.reacted`, `community.message.hide/delete/restore`, and DM events
  //  (`dm.thread.created`, `dm.message.created`, `dm.message.read`)"
  { type: 'community.message.created', source: '`community.message.created`' },
  { type: 'community.message.reacted', source: '`community.message.reacted`' },
  { type: 'community.message.hide', source: '`community.message.hide/delete/restore`' },
  { type: 'community.message.delete', source: '`community.message.hide/delete/restore`' },
  { type: 'community.message.restore', source: '`community.message.hide/delete/restore`' },
  { type: 'dm.thread.created', source: '`dm.thread.created`' },
  { type: 'dm.message.created', source: '`dm.message.created`' },
  { type: 'dm.message.read', source: '`dm.message.read`' },
  // "`social.follow.requested/accepted/declined/removed`, `social.block.applied/removed`, and `social.privacy.updated`"
  { type: 'social.follow.requested', source: '`social.follow.requested/accepted/declined/removed`' },
  { type: 'social.follow.accepted', source: '`social.follow.requested/accepted/declined/removed`' },
  { type: 'social.follow.declined', source: '`social.follow.requested/accepted/declined/removed`' },
  { type: 'social.follow.removed', source: '`social.follow.requested/accepted/declined/removed`' },
  { type: 'social.block.applied', source: '`social.block.applied/removed`' },
  { type: 'social.block.removed', source: '`social.block.applied/removed`' },
  { type: 'social.privacy.updated', source: '`social.privacy.updated`' },
];
