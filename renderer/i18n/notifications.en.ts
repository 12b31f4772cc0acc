/** English texts of the notifications area; merged into en.ts as `notifications`. */
export const notificationsEn = {
  homeTitle: 'For you',
  empty: 'Nothing needs your attention.',
  dismiss: 'Mark as read',
  urgentHint: 'Urgent: acknowledge it above with your PIN.',
  forRole: 'For: {{role}}',
  urgent: {
    title: 'Urgent alert',
    who: 'Who is acknowledging?',
    pin: 'PIN',
    acknowledge: 'Acknowledge',
    chooseFirst: 'Tap your name first, then type your PIN.',
    nobody: 'Nobody at this site holds that role: an administrator must answer it.',
  },
  kind: {
    incident_escalated: {
      title: 'Incident escalated to {{level}}',
      body: '{{severity}} · {{type}}: {{what}}',
    },
    sla_breached: {
      title: 'Response time missed: escalated to {{level}}',
      body: '{{severity}} · {{type}}: {{what}}',
    },
    report_due: { title: 'Report due: {{title}}', body: 'Due {{due}}.' },
    report_missed: { title: 'Report missed: {{title}}', body: 'It was due {{due}}.' },
    training_assigned: { title: 'Training assigned: {{title}}', body: 'Due {{due}}.' },
    training_due: { title: 'Training due: {{title}}', body: '{{who}}: due {{due}}.' },
    training_overdue: { title: 'Training overdue: {{title}}', body: '{{who}}: it was due {{due}}.' },
    certificate_issued: { title: 'Certificate issued: {{title}}', body: 'Certificate {{number}}.' },
    certificate_expiring: { title: 'Certificate expiring: {{title}}', body: '{{who}}: valid until {{expires}}.' },
    fuel_anomaly: { title: 'Fuel reading out of the ordinary', body: '{{what}}' },
    link_failover: { title: 'Link to shore switched', body: '{{what}}' },
    health_alert: { title: 'Kiosk health alert', body: '{{what}}' },
  },
};
