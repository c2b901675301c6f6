import type { HoverPart } from './hoverContext';
import { apiVersionHover } from './hovers/apiVersion';
import { claimHover } from './hovers/claim';
import { fieldHover } from './hovers/field';
import { kindHover } from './hovers/kind';
import { nodeAgentHover } from './hovers/nodeAgent';
import { runtimeClassHover } from './hovers/runtimeClass';
import { selectedByHover } from './hovers/selectedBy';
import { serviceSelectorHover } from './hovers/serviceSelector';
import { storageClassHover } from './hovers/storageClass';
import { valueHover } from './hovers/value';

/** The hover parts, in the order their sections appear: what the cursor is on, then what it points at. */
export const HOVER_PARTS: HoverPart[] = [
	kindHover, // `kind: Service` -> the Service entry
	apiVersionHover, // `apiVersion: apps/v1beta2` -> its status for the kind
	fieldHover, // keys -> the API description and KubeLore's notes
	valueHover, // `type: NodePort`, provisioners, handlers, images, annotations, volume sources
	nodeAgentHover, // a node agent's hostPath -> why the agent needs it and what to restrict
	claimHover, // `claimName` -> the PVC and how it binds
	storageClassHover, // `storageClassName` -> the StorageClass and its driver
	runtimeClassHover, // `runtimeClassName` -> the RuntimeClass and its runtime
	serviceSelectorHover, // a Service's selector -> the workloads it selects
	selectedByHover, // pod template labels -> the Services and NetworkPolicies selecting them
];
