/*
 * Mirage.NET ARMv7 exception-handling primitives (Mirage.CoreLib's
 * Internal/Runtime/ExceptionHandling does the rest in C#, see docs/exceptions.md).
 *
 * Only what C# cannot express lives here: capturing the register context of a throw or a
 * CPU fault, calling a funclet with the registers of the frame it belongs to, and resuming
 * execution in an unwound frame. The context is Mirage.CoreLib's RegisterSet: r0-r15 (4 bytes
 * each; r13 = sp, r14 = lr), the instruction pointer, a pad, then d8-d15.
 */
        .syntax unified
        .arch armv7-a
        .fpu vfpv3-d16

        .set CTX_R4, 4 * 4
        .set CTX_SP, 13 * 4
        .set CTX_LR, 14 * 4
        .set CTX_IP, 16 * 4
        .set CTX_D8, 18 * 4
        .set CTX_SIZE, 136
        .set MODE_SVC, 0x13

        .text
        .thumb

        .macro function name
        .globl \name
        .type \name, %function
        .thumb_func
\name:
        .endm

        /* Stores r4-r11 and d8-d15 into the context at \base (clobbers r12). */
        .macro SAVE_CALLEE_SAVED base
        add   r12, \base, #CTX_R4
        stmia r12, {r4-r11}
        add   r12, \base, #CTX_D8
        vstmia r12, {d8-d15}
        .endm

        .macro LOAD_CALLEE_SAVED base
        add   r12, \base, #CTX_R4
        ldmia r12, {r4-r11}
        add   r12, \base, #CTX_D8
        vldmia r12, {d8-d15}
        .endm

        /* void RhpThrowEx(object exception): ilc's `throw`. The context is the throw site's as
           if the call had returned: IP = LR = return address, SP as at the call. */
function RhpThrowEx
        sub   sp, sp, #CTX_SIZE
        mov   r1, sp
        SAVE_CALLEE_SAVED r1
        add   r2, sp, #CTX_SIZE
        str   r2, [sp, #CTX_SP]
        str   lr, [sp, #CTX_LR]
        str   lr, [sp, #CTX_IP]
        bl    mirage_eh_throw                     /* (exception, context): never returns */
        udf   #0

        /* void RhpRethrow(void): `throw;` inside a catch block. */
function RhpRethrow
        sub   sp, sp, #CTX_SIZE
        mov   r0, sp
        SAVE_CALLEE_SAVED r0
        add   r2, sp, #CTX_SIZE
        str   r2, [sp, #CTX_SP]
        str   lr, [sp, #CTX_LR]
        str   lr, [sp, #CTX_IP]
        bl    mirage_eh_rethrow                   /* (context): never returns */
        udf   #0

        /* nint mirage_eh_call_funclet(object exception, nint funclet, RegisterSet* frame):
           a filter or finally/fault funclet, run with the callee-saved registers of the frame it
           belongs to (it addresses that frame's locals through r11; r1 = the frame's SP, the
           "establisher frame" of older code generators). The frame's registers are written back
           afterwards, ours are kept on this helper's stack. Returns the funclet's r0. */
function mirage_eh_call_funclet
        push  {r2, r4-r11, lr}                    /* 10 words: 8-byte aligned */
        vpush {d8-d15}
        mov   r3, r1
        LOAD_CALLEE_SAVED r2
        ldr   r1, [r2, #CTX_SP]
        blx   r3                                  /* r0 = exception */
mirage_eh_funclet_return:
        ldr   r2, [sp, #64]
        SAVE_CALLEE_SAVED r2
        vpop  {d8-d15}
        pop   {r2, r4-r11, pc}

        /* void mirage_eh_call_catch(object exception, nint funclet, RegisterSet* frame,
                                     void** dispatchHead, void* newHead (on the stack)):
           runs a catch funclet, then continues the frame at the address the funclet returns,
           with the frame's stack pointer. The dispatch records that die with the unwound stack
           are dropped (newHead) only now: the funclet itself may throw and need them. */
function mirage_eh_call_catch
        ldr   r12, [sp]
        push  {r2, r3, r12, lr}
        mov   r3, r1
        LOAD_CALLEE_SAVED r2
        ldr   r1, [r2, #CTX_SP]
        blx   r3
mirage_eh_catch_return:
        pop   {r2, r3, r12, lr}
        str   r12, [r3]
        ldr   r1, [r2, #CTX_SP]
        mov   sp, r1
        orr   r0, r0, #1                          /* the continuation is Thumb code */
        bx    r0

        /* void mirage_eh_resume(RegisterSet* frame, nint r0): continues an unwound frame (the
           helper above after a filter that threw: r0 = 0, the filter's "no"). */
function mirage_eh_resume
        mov   r2, r0
        LOAD_CALLEE_SAVED r2
        ldr   lr, [r2, #CTX_LR]
        ldr   r3, [r2, #CTX_SP]
        mov   sp, r3
        ldr   r3, [r2, #CTX_IP]
        orr   r3, r3, #1
        mov   r0, r1
        bx    r3

        /* void mirage_eh_native_layout(EhNativeLayout* layout): where the linker put what the
           unwinder reads, and the return addresses of the helpers above (Thumb bit clear). */
function mirage_eh_native_layout
        ldr   r1, =__managed_code_start
        str   r1, [r0, #0]
        ldr   r1, =__managed_code_end
        str   r1, [r0, #4]
        ldr   r1, =__exidx_start
        str   r1, [r0, #8]
        ldr   r1, =__exidx_end
        str   r1, [r0, #12]
        ldr   r1, =__mirage_symbols_start
        str   r1, [r0, #16]
        ldr   r1, =__mirage_symbols_end
        str   r1, [r0, #20]
        adr   r1, mirage_eh_funclet_return
        bic   r1, r1, #1
        str   r1, [r0, #24]
        adr   r1, mirage_eh_catch_return
        bic   r1, r1, #1
        str   r1, [r0, #28]
        bx    lr
        .ltorg

/* CPU exceptions, from boot.S's vectors (ARM state, abort or undefined mode): r0 = kind,
   r1 = faulting pc, r2 = faulting address, r3 = status. A fault in managed code that .NET turns
   into an exception (a null-page access) is dispatched on the interrupted SVC stack from the
   faulting context (mirage_eh_cpu_fault does not return); anything else is reported by the
   platform binding (mirage_arch_fault), which stops. */
        .arm
        .globl mirage_eh_cpu_exception
        .type mirage_eh_cpu_exception, %function
mirage_eh_cpu_exception:
        cmp   r0, #4                              /* data aborts only (taken in abort mode: spsr is theirs) */
        bne   2f
        mrs   r12, spsr
        tst   r12, #0x20
        orrne r1, r1, #1                          /* interrupted Thumb code: IP carries the Thumb bit */
        and   r12, r12, #0x1f
        cmp   r12, #MODE_SVC
        bne   2f                                  /* only the program's own mode runs managed code */
        cps   #MODE_SVC
        mov   r12, sp
        sub   sp, sp, #CTX_SIZE
        bic   sp, sp, #7
        str   r12, [sp, #CTX_SP]
        str   lr, [sp, #CTX_LR]
        str   r1, [sp, #CTX_IP]
        add   r12, sp, #CTX_R4
        stmia r12, {r4-r11}
        add   r12, sp, #CTX_D8
        vstmia r12, {d8-d15}
        push  {r0-r3}
        mov   r1, r2
        add   r2, sp, #16
        ldr   r12, =mirage_eh_cpu_fault           /* (kind, address, context) */
        blx   r12
        pop   {r0-r3}
2:      bic   r1, r1, #1
        ldr   r12, =mirage_arch_fault             /* (kind, pc, address, status): prints, exits */
        blx   r12
3:      wfi
        b     3b
        .ltorg
