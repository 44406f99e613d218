/** The jobs that carry a notification to one browser or one phone, once its channels are chosen. */

/** What a browser shows: the notification's sentence, its detail, and where a click leads. */
export interface PushPayload {
  title: string;
  body: string;
  /** The absolute URL of the record. */
  url: string;
  /** Notifications of the same tag replace each other on the device (a burst shows once). */
  tag: string;
}

export interface PushJob {
  organizationId: string;
  /** The push_subscriptions row; a job whose browser has gone does nothing. */
  subscriptionId: string;
  payload: PushPayload;
}

/** An SMS, sealed like mail (a phone number and what it is told are personal data). */
export interface SmsJob {
  sealed: string;
}

export interface SmsMessage {
  /** E.164, verified by the recipient. */
  to: string;
  text: string;
}
