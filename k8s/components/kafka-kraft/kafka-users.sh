#!/bin/bash
# GENERATED from ../kafka-strimzi/users.yaml by KafkaAclsTest - do not edit; the test fails when they differ.
# Regenerate: ./mvnw -B -q verify -pl k8s -Dk8s.regenerate=true
# Run by the topics Job against the INTERNAL listener; /credentials/<user> holds each password (hex: no
# ',' or ']' that the SCRAM config syntax would split on). Both commands are idempotent.
set -euo pipefail
B="$KAFKA_ADMIN_BOOTSTRAP"
scram() {
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$B" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(cat "/credentials/$1")]"
}
acl() {
  local user="$1"; shift
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$B" --add --allow-principal "User:$user" "$@"
}

# market-data-service
scram market-data-service
acl market-data-service --topic market.events --resource-pattern-type literal --operation Describe --operation Read --operation Write

# strategy-service
scram strategy-service
acl strategy-service --topic market.events --resource-pattern-type literal --operation Describe --operation Read
acl strategy-service --topic strategy.params --resource-pattern-type literal --operation Describe --operation Read --operation Write
acl strategy-service --topic strategy.signals --resource-pattern-type literal --operation Describe --operation Read --operation Write
acl strategy-service --topic strategy.dlq --resource-pattern-type literal --operation Describe --operation Read --operation Write
acl strategy-service --group strategy-service --resource-pattern-type literal --operation Describe --operation Read
acl strategy-service --group strategy-service-params- --resource-pattern-type prefixed --operation Describe --operation Read
acl strategy-service --transactional-id strategy-service --resource-pattern-type prefixed --operation Describe --operation Write
acl strategy-service --cluster --operation IdempotentWrite

# order-service
scram order-service
acl order-service --topic strategy.signals --resource-pattern-type literal --operation Describe --operation Read
acl order-service --topic market.events --resource-pattern-type literal --operation Describe --operation Read
acl order-service --topic order. --resource-pattern-type prefixed --operation Describe --operation Read --operation Write
acl order-service --group order-service --resource-pattern-type literal --operation Describe --operation Read
acl order-service --transactional-id order-service --resource-pattern-type prefixed --operation Describe --operation Write
acl order-service --cluster --operation IdempotentWrite

# keda-operator
scram keda-operator
acl keda-operator --topic market.events --resource-pattern-type literal --operation Describe
acl keda-operator --topic strategy.signals --resource-pattern-type literal --operation Describe
acl keda-operator --group strategy-service --resource-pattern-type literal --operation Describe
acl keda-operator --group order-service --resource-pattern-type literal --operation Describe

/opt/kafka/bin/kafka-acls.sh --bootstrap-server "$B" --list
