-- CreateTable
CREATE TABLE "FeatureView" (
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "spec" JSONB NOT NULL,
    "registeredAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "FeatureView_pkey" PRIMARY KEY ("namespace","name","version")
);

-- CreateTable
CREATE TABLE "OfflineFeature" (
    "id" BIGSERIAL NOT NULL,
    "namespace" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "entityKey" BIGINT NOT NULL,
    "eventTime" DOUBLE PRECISION NOT NULL,
    "values" DOUBLE PRECISION[],

    CONSTRAINT "OfflineFeature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnlineFeature" (
    "namespace" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "entityKey" BIGINT NOT NULL,
    "eventTime" DOUBLE PRECISION NOT NULL,
    "values" DOUBLE PRECISION[],
    "writtenAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "OnlineFeature_pkey" PRIMARY KEY ("namespace","view","entityKey")
);

-- CreateTable
CREATE TABLE "OnlineWrite" (
    "namespace" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "writtenAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "OnlineWrite_pkey" PRIMARY KEY ("namespace","view")
);

-- CreateIndex
CREATE INDEX "OfflineFeature_namespace_view_version_entityKey_eventTime_idx" ON "OfflineFeature"("namespace", "view", "version", "entityKey", "eventTime");

