using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Mirage.Sdk.Link;

/// <summary>Finds the metadata tokens (types, methods, fields) a method body's IL refers to.</summary>
internal static class ILTokenScanner
{
    public static IEnumerable<EntityHandle> Tokens(BlobReader il)
    {
        var tokens = new List<EntityHandle>();
        while (il.RemainingBytes > 0)
        {
            int opcode = il.ReadByte();
            int operand;
            bool token = false;
            if (opcode == 0xFE)
            {
                int second = il.ReadByte();
                switch (second)
                {
                    case 0x06: case 0x07: case 0x15: case 0x16: case 0x1C: // ldftn ldvirtftn initobj constrained. sizeof
                        operand = 4; token = true; break;
                    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x0E: // ldarg ldarga starg ldloc ldloca stloc
                        operand = 2; break;
                    case 0x12: case 0x19: // unaligned. no.
                        operand = 1; break;
                    default:
                        operand = 0; break;
                }
            }
            else
            {
                switch (opcode)
                {
                    case 0x0E: case 0x0F: case 0x10: case 0x11: case 0x12: case 0x13: case 0x1F: // short var / ldc.i4.s
                    case 0x2B: case 0x2C: case 0x2D: case 0x2E: case 0x2F: case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: // short branches
                    case 0xDE: // leave.s
                        operand = 1; break;
                    case 0x20: case 0x22: // ldc.i4 ldc.r4
                    case 0x38: case 0x39: case 0x3A: case 0x3B: case 0x3C: case 0x3D: case 0x3E: case 0x3F: case 0x40: case 0x41: case 0x42: case 0x43: case 0x44: // branches
                    case 0xDD: // leave
                    case 0x72: // ldstr (a user string, not a member)
                    case 0x29: // calli (a signature)
                        operand = 4; break;
                    case 0x21: case 0x23: // ldc.i8 ldc.r8
                        operand = 8; break;
                    case 0x45: // switch
                        operand = 4 * (int)il.ReadUInt32(); break;
                    case 0x27: case 0x28: case 0x6F: case 0x73: // jmp call callvirt newobj
                    case 0x70: case 0x71: case 0x74: case 0x75: case 0x79: case 0x7B: case 0x7C: case 0x7D: case 0x7E: case 0x7F: case 0x80: case 0x81:
                    case 0x8C: case 0x8D: case 0x8F: case 0xA3: case 0xA4: case 0xA5: case 0xC2: case 0xC6: case 0xD0:
                        operand = 4; token = true; break;
                    default:
                        operand = 0; break;
                }
            }
            if (token)
            {
                int value = il.ReadInt32();
                tokens.Add(MetadataTokens.EntityHandle(value));
            }
            else
            {
                il.Offset += operand;
            }
        }
        return tokens;
    }
}
