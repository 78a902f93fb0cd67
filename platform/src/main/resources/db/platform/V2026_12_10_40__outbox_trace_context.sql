-- The W3C trace context of the request that wrote the event, relayed as the Kafka record's traceparent/tracestate
-- headers so the consumer's work joins the same trace. Empty when tracing is off or the writer had no trace.
-- Debezium's outbox event router can carry them too (table.fields.additional.placement=traceparent:header).
-- A traceparent is 55 characters (version 00); tracestate is capped at 512 by the W3C specification.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
ALTER TABLE outbox_event ADD COLUMN tracestate varchar(512);
