"""Airflow DAG: rerun a kadam sweep every night. A rerun on the same --out only runs the trials
that have no committed result, so this is safe to schedule (and to retry): a finished sweep
prints "nothing to do" and exits 0."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

with DAG(
    dag_id="kadam_fig3",
    schedule="0 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,  # one scheduler run at a time; concurrent reruns are safe anyway
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
) as dag:
    SparkSubmitOperator(
        task_id="fig3_sweep",
        conn_id="spark_default",
        application="/opt/kadam/kadam-jobs-0.1.0-SNAPSHOT-spark.jar",
        java_class="io.kadam.jobs.cli.KadamCli",
        application_args=["run", "/opt/kadam/conf/fig3.yaml", "--out", "hdfs:///kadam/results"],
        properties_file="/opt/kadam/conf/cluster/standalone-gpu.conf",
        files="/opt/kadam/conf/fig3.yaml",
    )
