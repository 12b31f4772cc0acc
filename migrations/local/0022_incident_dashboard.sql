-- The incidents dashboard (electron/core/incidents/dashboard-read.ts) reads each history's marks
-- in SQL: the first move out of "reported" and the latest into resolved or closed are index seeks
-- on incident_events_marks, which covers them; the few pauses and resumes of a site are read
-- through incident_events_pauses without scanning the other events.
CREATE INDEX incident_events_marks ON incident_events (incident_id, kind, from_stage, at, to_stage);
CREATE INDEX incident_events_pauses ON incident_events (site_id, kind, incident_id, at);
