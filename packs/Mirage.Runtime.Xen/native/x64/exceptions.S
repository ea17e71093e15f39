/*
 * Mirage.NET x86_64 exception-handling primitives (Mirage.CoreLib's
 * Internal/Runtime/ExceptionHandling does the rest in C#, see docs/exceptions.md).
 *
 * Only what C# cannot express lives here: capturing the register context of a throw or a
 * CPU fault, calling a funclet with the registers of the frame it belongs to, and resuming
 * execution in an unwound frame. The context is Mirage.CoreLib's RegisterSet: 16 general
 * registers in DWARF order (rax rdx rcx rbx rsi rdi rbp rsp r8..r15), the instruction
 * pointer, a pad and 8 unused floating-point slots (SysV has no callee-saved xmm).
 */
        .intel_syntax noprefix

        .set CTX_RBX, 3 * 8
        .set CTX_RBP, 6 * 8
        .set CTX_RSP, 7 * 8
        .set CTX_R12, 12 * 8
        .set CTX_R13, 13 * 8
        .set CTX_R14, 14 * 8
        .set CTX_R15, 15 * 8
        .set CTX_IP, 16 * 8
        .set CTX_SIZE, 208

        .macro SAVE_CALLEE_SAVED base
        mov   [\base + CTX_RBX], rbx
        mov   [\base + CTX_RBP], rbp
        mov   [\base + CTX_R12], r12
        mov   [\base + CTX_R13], r13
        mov   [\base + CTX_R14], r14
        mov   [\base + CTX_R15], r15
        .endm

        .macro LOAD_CALLEE_SAVED base
        mov   rbx, [\base + CTX_RBX]
        mov   rbp, [\base + CTX_RBP]
        mov   r12, [\base + CTX_R12]
        mov   r13, [\base + CTX_R13]
        mov   r14, [\base + CTX_R14]
        mov   r15, [\base + CTX_R15]
        .endm

        .text

        /* void RhpThrowEx(object exception): ilc's `throw`. The context is the throw site's as
           if the call had returned: IP = return address, RSP = just above it. */
        .globl RhpThrowEx
RhpThrowEx:
        lea   rax, [rsp + 8]
        mov   rcx, [rsp]
        sub   rsp, CTX_SIZE + 8                  /* 16-byte aligned again */
        SAVE_CALLEE_SAVED rsp
        mov   [rsp + CTX_RSP], rax
        mov   [rsp + CTX_IP], rcx
        mov   rsi, rsp
        call  mirage_eh_throw                    /* (exception, context): never returns */
        ud2

        /* void RhpRethrow(void): `throw;` inside a catch block. */
        .globl RhpRethrow
RhpRethrow:
        lea   rax, [rsp + 8]
        mov   rcx, [rsp]
        sub   rsp, CTX_SIZE + 8
        SAVE_CALLEE_SAVED rsp
        mov   [rsp + CTX_RSP], rax
        mov   [rsp + CTX_IP], rcx
        mov   rdi, rsp
        call  mirage_eh_rethrow                  /* (context): never returns */
        ud2

        /* nint mirage_eh_call_funclet(object exception, nint funclet, RegisterSet* frame):
           a filter or finally/fault funclet, run with the callee-saved registers of the frame
           it belongs to (it addresses that frame's locals through rbp). Funclets do not
           preserve callee-saved registers themselves: the frame's values are written back,
           ours are kept on this helper's stack. Returns the funclet's rax (a filter's verdict). */
        .globl mirage_eh_call_funclet
mirage_eh_call_funclet:
        push  rbp
        push  rbx
        push  r12
        push  r13
        push  r14
        push  r15
        push  rdx                                /* 7 pushes: 16-byte aligned */
        LOAD_CALLEE_SAVED rdx
        call  rsi                                /* rdi = exception */
mirage_eh_funclet_return:
        mov   rdx, [rsp]
        SAVE_CALLEE_SAVED rdx
        pop   rdx
        pop   r15
        pop   r14
        pop   r13
        pop   r12
        pop   rbx
        pop   rbp
        ret

        /* void mirage_eh_call_catch(object exception, nint funclet, RegisterSet* frame,
                                     void** dispatchHead, void* newHead):
           runs a catch funclet, then continues the frame at the address the funclet returns,
           with the frame's stack pointer. The dispatch records that die with the unwound
           stack are dropped (newHead) only now: the funclet itself may throw and need them. */
        .globl mirage_eh_call_catch
mirage_eh_call_catch:
        push  r8
        push  rcx
        push  rdx                                /* 3 pushes: 16-byte aligned */
        LOAD_CALLEE_SAVED rdx
        call  rsi
mirage_eh_catch_return:
        pop   rdx
        pop   rcx
        pop   r8
        mov   [rcx], r8
        mov   rsp, [rdx + CTX_RSP]
        jmp   rax

        /* void mirage_eh_resume(RegisterSet* frame, nint rax): continues an unwound frame (the
           helper above after a filter that threw: rax = 0, the filter's "no"). */
        .globl mirage_eh_resume
mirage_eh_resume:
        LOAD_CALLEE_SAVED rdi
        mov   rax, rsi
        mov   rsp, [rdi + CTX_RSP]
        jmp   qword ptr [rdi + CTX_IP]

        /* CPU exceptions, from boot.S's IDT stubs: [rsp] = vector, error code, then the CPU's
           rip, cs, rflags, rsp, ss; every other register as at the fault. A fault in managed
           code that .NET turns into an exception (null page access, divide error) is dispatched
           from the faulting context (mirage_eh_cpu_fault does not return); anything else is
           reported by the platform binding (mirage_arch_fault), which stops. */
        .globl mirage_eh_cpu_exception
mirage_eh_cpu_exception:
        mov   rax, rsp
        and   rsp, -16
        sub   rsp, CTX_SIZE
        SAVE_CALLEE_SAVED rsp
        mov   rcx, [rax + 16]
        mov   [rsp + CTX_IP], rcx
        mov   rcx, [rax + 40]
        mov   [rsp + CTX_RSP], rcx
        mov   rdx, rsp
        push  rax
        push  rax
        mov   rdi, [rax]                         /* vector */
        mov   rsi, cr2                           /* faulting address (page faults) */
        call  mirage_eh_cpu_fault                /* (vector, address, context) */
        pop   rax
        pop   rax
        mov   rdi, [rax]
        mov   rsi, [rax + 8]
        mov   rdx, [rax + 16]
        mov   rcx, cr2
        call  mirage_arch_fault                  /* prints and exits */
1:      cli
        hlt
        jmp   1b

        /* void mirage_eh_native_layout(EhNativeLayout* layout): where the linker put what the
           unwinder reads, and the return addresses of the helpers above. */
        .globl mirage_eh_native_layout
mirage_eh_native_layout:
        lea   rax, [rip + __managed_code_start]
        mov   [rdi], rax
        lea   rax, [rip + __managed_code_end]
        mov   [rdi + 8], rax
        lea   rax, [rip + __eh_frame_start]
        mov   [rdi + 16], rax
        lea   rax, [rip + __eh_frame_end]
        mov   [rdi + 24], rax
        lea   rax, [rip + __mirage_symbols_start]
        mov   [rdi + 32], rax
        lea   rax, [rip + __mirage_symbols_end]
        mov   [rdi + 40], rax
        lea   rax, [rip + mirage_eh_funclet_return]
        mov   [rdi + 48], rax
        lea   rax, [rip + mirage_eh_catch_return]
        mov   [rdi + 56], rax
        ret

        .section .note.GNU-stack, "", @progbits
