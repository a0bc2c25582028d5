-- AlterTable
ALTER TABLE "SimulationRun" ADD COLUMN     "heartbeatAt" TIMESTAMP(3);

